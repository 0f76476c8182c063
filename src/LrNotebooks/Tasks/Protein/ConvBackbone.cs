using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>Residue embedding followed by same-length 1-D convolutions (ReLU, dropout) over the sequence.</summary>
public sealed class ConvBackbone : ProteinBackbone
{
    private readonly Embedding embedding;
    private readonly Sequential convolutions;

    public ConvBackbone(ProteinModelOptions options) : base(nameof(ConvBackbone), ProteinModelKind.Cnn, options)
    {
        var size = options.EmbeddingSize;
        embedding = nn.Embedding(AminoAcidTokenizer.VocabularySize, size, padding_idx: AminoAcidTokenizer.Pad);
        convolutions = nn.Sequential(Enumerable.Range(0, options.Layers).SelectMany(_ => new nn.Module<Tensor, Tensor>[]
        {
            nn.Conv1d(size, size, options.KernelSize, padding: options.KernelSize / 2),
            nn.ReLU(),
            nn.Dropout(options.Dropout),
        }));
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids)
    {
        RequireTokens(ids);
        using var scope = NewDisposeScope();
        // Conv1d wants channels before positions: [batch, features, length].
        var features = convolutions.call(embedding.call(ids).transpose(1, 2));
        return features.transpose(1, 2).MoveToOuterDisposeScope();
    }
}
