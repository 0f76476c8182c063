using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// The pre-trainable part of a protein model: token ids [batch, length] (int64, PAD = 0) to per-residue
/// features [batch, length, <see cref="FeatureSize"/>]. Task heads sit on top of it.
/// </summary>
public abstract class ProteinBackbone : nn.Module<Tensor, Tensor>
{
    public ProteinModelKind Kind { get; }
    public ProteinModelOptions Options { get; }
    public int FeatureSize => Options.EmbeddingSize;

    protected ProteinBackbone(string name, ProteinModelKind kind, ProteinModelOptions options) : base(name)
    {
        options.Validate();
        Kind = kind;
        Options = options;
    }

    /// <summary>A freshly initialised backbone (torch's global RNG draws the initial weights).</summary>
    public static ProteinBackbone Create(ProteinModelKind kind, ProteinModelOptions? options = null) => kind switch
    {
        ProteinModelKind.Cnn => new ConvBackbone(options ?? new()),
        ProteinModelKind.Transformer => new TransformerBackbone(options ?? new()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Cnn or Transformer."),
    };

    protected void RequireTokens(Tensor ids)
    {
        if (ids.dim() != 2 || ids.dtype != ScalarType.Int64)
            throw new ArgumentException($"Expected int64 token ids of shape [batch, length], got {ids.dtype} [{string.Join(", ", ids.shape)}].", nameof(ids));
        if (ids.shape[1] > Options.MaxLength)
            throw new ArgumentException($"Sequences may be at most {Options.MaxLength} tokens long (MaxLength), got {ids.shape[1]}.", nameof(ids));
    }
}
