using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>
/// A 1-D CNN detecting a planted 5-letter motif in random 4-letter sequences (one-hot, like DNA); the label
/// is whether the motif occurs, so a chance occurrence counts too.
/// </summary>
internal sealed class MotifsTask : TensorTask
{
    private const int Alphabet = 4;
    private const int Length = 32;
    private static readonly long[] Motif = [0, 1, 2, 3, 2];

    public override string Name => "motifs";
    public override string Description => "1-D CNN: does a 5-letter motif occur in a random one-hot sequence of length 32 over 4 letters (half have it planted); cross-entropy";
    public override string LossName => "cross_entropy";

    protected override (Tensor X, Tensor Y) Generate(int count, Generator generator)
    {
        var tokens = randint(0, Alphabet, [count, Length], dtype: ScalarType.Int64, generator: generator);
        var plant = rand(count, generator: generator).lt(0.5).unsqueeze(1);
        var start = randint(0, Length - Motif.Length + 1, [count, 1], dtype: ScalarType.Int64, generator: generator);
        var motif = tensor(Motif).unsqueeze(0).expand(count, -1);
        var planted = tokens.scatter(1, start + arange(Motif.Length).unsqueeze(0), motif);
        tokens = where(plant, planted, tokens);

        var label = tokens.unfold(1, Motif.Length, 1).eq(tensor(Motif)).all(-1).any(-1).to(ScalarType.Int64);
        var x = nn.functional.one_hot(tokens, Alphabet).permute(0, 2, 1).to(ScalarType.Float32).contiguous();
        return (x, label);
    }

    protected override nn.Module<Tensor, Tensor> NewModel() => nn.Sequential(
        nn.Conv1d(Alphabet, 16, Motif.Length), nn.ReLU(),
        nn.AdaptiveMaxPool1d(1), nn.Flatten(),
        nn.Linear(16, 2));
}
