using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// Sequence classifier: token ids [batch, length] to class logits [batch, classes]. The <see cref="Backbone"/>'s
/// per-residue features are averaged over the non-PAD positions and the <see cref="Head"/> (one linear layer)
/// maps that average to logits. Backbone and head are separate modules so that fine-tuning can give each its
/// own learning rate (<see cref="FineTuning.CreateOptimizer"/>).
/// </summary>
public sealed class ProteinClassifier : nn.Module<Tensor, Tensor>
{
    public ProteinBackbone Backbone { get; }
    public Linear Head { get; }
    public int ClassCount { get; }

    /// <summary>Takes ownership of <paramref name="backbone"/>; the head is freshly initialised from torch's global RNG.</summary>
    public ProteinClassifier(ProteinBackbone backbone, int classCount) : base(nameof(ProteinClassifier))
    {
        if (classCount < 2)
            throw new ArgumentException($"A classifier needs at least 2 classes, not {classCount}.", nameof(classCount));
        Backbone = backbone;
        ClassCount = classCount;
        Head = nn.Linear(backbone.FeatureSize, classCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor ids)
    {
        using var scope = NewDisposeScope();
        var features = Backbone.call(ids);
        var present = ids.ne(AminoAcidTokenizer.Pad).unsqueeze(-1).to(features.dtype);
        var mean = (features * present).sum(1) / present.sum(1).clamp_min(1);
        return Head.call(mean).MoveToOuterDisposeScope();
    }
}
