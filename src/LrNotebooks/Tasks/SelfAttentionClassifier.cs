using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>
/// Token and position embeddings, one single-head self-attention layer with a residual connection, mean
/// pooling and a linear head. Input: token ids [batch, length] (int64); output: logits [batch, classes].
/// </summary>
internal sealed class SelfAttentionClassifier : nn.Module<Tensor, Tensor>
{
    private readonly Embedding tokens;
    private readonly Embedding positions;
    private readonly Linear query, key, value, head;
    private readonly double scale;

    public SelfAttentionClassifier(int vocabulary, int length, int dim, int classes) : base(nameof(SelfAttentionClassifier))
    {
        tokens = nn.Embedding(vocabulary, dim);
        positions = nn.Embedding(length, dim);
        query = nn.Linear(dim, dim);
        key = nn.Linear(dim, dim);
        value = nn.Linear(dim, dim);
        head = nn.Linear(dim, classes);
        scale = 1 / Math.Sqrt(dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids)
    {
        using var scope = NewDisposeScope();
        var x = tokens.forward(ids) + positions.forward(arange(ids.shape[1], device: ids.device));
        var weights = softmax(query.forward(x).matmul(key.forward(x).transpose(1, 2)) * scale, dim: -1);
        var attended = x + weights.matmul(value.forward(x));
        return head.forward(attended.mean([1])).MoveToOuterDisposeScope();
    }
}
