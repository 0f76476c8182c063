using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// Residue embedding plus a learned position embedding, then torch's TransformerEncoder (post-norm layers,
/// feed-forward width 2 x d_model) with PAD positions excluded from attention.
/// </summary>
public sealed class TransformerBackbone : ProteinBackbone
{
    private readonly Embedding embedding;
    private readonly Embedding positions;
    private readonly TransformerEncoder encoder;

    public TransformerBackbone(ProteinModelOptions options) : base(nameof(TransformerBackbone), ProteinModelKind.Transformer, options)
    {
        var size = options.EmbeddingSize;
        embedding = nn.Embedding(AminoAcidTokenizer.VocabularySize, size, padding_idx: AminoAcidTokenizer.Pad);
        positions = nn.Embedding(options.MaxLength, size);
        using var layer = nn.TransformerEncoderLayer(size, options.Heads, 2 * size, options.Dropout);
        encoder = nn.TransformerEncoder(layer, options.Layers);   // clones the layer
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids)
    {
        RequireTokens(ids);
        using var scope = NewDisposeScope();
        var slots = arange(ids.shape[1], dtype: ScalarType.Int64, device: ids.device);
        var x = embedding.call(ids) + positions.call(slots);
        // torch's encoder takes [length, batch, features].
        var encoded = encoder.call(x.transpose(0, 1), null!, ids.eq(AminoAcidTokenizer.Pad));
        return encoded.transpose(0, 1).MoveToOuterDisposeScope();
    }
}
