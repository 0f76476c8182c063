using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// Fine-tuning in miniature: classify 32-residue windows of real protein sequences into their family
/// (protein kinase domain, fibronectin type III domain, globin). The model is a backbone pre-trained by
/// masked-residue prediction (<see cref="PretrainedBackbones"/>) plus a fresh linear head.
/// </summary>
public sealed class ProteinFamilyTask : BuiltInTask
{
    public const int BatchSize = 32;
    public static ProteinFamilyTask Cnn { get; } = new(ProteinModelKind.Cnn);
    public static ProteinFamilyTask Transformer { get; } = new(ProteinModelKind.Transformer);

    public ProteinModelKind Kind { get; }

    private ProteinFamilyTask(ProteinModelKind kind) => Kind = kind;

    public override string Name => $"protein-family-{Kind.ToString().ToLowerInvariant()}";

    public override string Description =>
        $"Protein family (kinase / fn3 / globin) of 32-residue windows of real sequences (Pfam seeds via Debian's hmmer-doc); " +
        $"a pre-trained {(Kind == ProteinModelKind.Cnn ? "1-D CNN" : "transformer")} backbone and a fresh head.";

    /// <summary>The head's initial weights and dropout follow <paramref name="seed"/>; the backbone is the shared pre-trained one.</summary>
    public override TaskInstance Create(int seed = 0)
    {
        var data = ProteinFamilyData.Load();
        var backbone = PretrainedBackbones.Load(Kind, data);
        manual_seed(seed);
        var model = new ProteinClassifier(backbone, data.Families.Count);
        return new TaskInstance(
            Name,
            model,
            TrainingData.FromTensors(data.TrainTokens, data.TrainLabels, BatchSize),
            TrainingData.FromTensors(data.ValidationTokens, data.ValidationLabels, BatchSize, shuffle: false),
            (prediction, target) => nn.functional.cross_entropy(prediction, target),
            "cross_entropy");
    }
}
