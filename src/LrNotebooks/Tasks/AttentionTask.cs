using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>A one-layer self-attention classifier over short token sequences: does token 1 occur more often than token 2.</summary>
internal sealed class AttentionTask : TensorTask
{
    private const int Vocabulary = 8;
    private const int Length = 12;

    public override string Name => "attention";
    public override string Description => "one-layer self-attention over 12 tokens from a vocabulary of 8: does token 1 occur more often than token 2; cross-entropy";
    public override string LossName => "cross_entropy";

    protected override (Tensor X, Tensor Y) Generate(int count, Generator generator)
    {
        var tokens = randint(0, Vocabulary, [count, Length], dtype: ScalarType.Int64, generator: generator);
        var label = tokens.eq(1).sum(1).gt(tokens.eq(2).sum(1)).to(ScalarType.Int64);
        return (tokens, label);
    }

    protected override nn.Module<Tensor, Tensor> NewModel() => new SelfAttentionClassifier(Vocabulary, Length, dim: 16, classes: 2);
}
