using LrNotebooks.Training;

namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// Fine-tuning in miniature: classify 32-residue windows of real protein sequences into their family
/// (protein kinase domain, fibronectin type III domain, globin). The model is a backbone pre-trained by
/// masked-residue prediction (<see cref="PretrainedBackbones"/>) plus a fresh linear head.
/// </summary>
public sealed class ProteinFamilyTask : BuiltInTask
{
    public const int BatchSize = 64;   // 32 gave visibly noisier range-test curves
    public const string LossName = "cross_entropy";
    public static ProteinFamilyTask Cnn { get; } = new(ProteinModelKind.Cnn);
    public static ProteinFamilyTask Transformer { get; } = new(ProteinModelKind.Transformer);

    public ProteinModelKind Kind { get; }

    private ProteinFamilyTask(ProteinModelKind kind) => Kind = kind;

    public override string Name => $"protein-family-{Kind.ToString().ToLowerInvariant()}";

    public override string Description =>
        $"Protein family (kinase / fn3 / globin) of 32-residue windows of real sequences (Pfam seeds via Debian's hmmer-doc); " +
        $"a pre-trained {(Kind == ProteinModelKind.Cnn ? "1-D CNN" : "transformer")} backbone and a fresh head.";

    /// <summary>The head's initial weights follow <paramref name="seed"/>; the backbone is the shared pre-trained one.</summary>
    public override TaskInstance Create(int seed = 0)
    {
        var data = ProteinFamilyData.Load();
        // Seeded as a whole: loading the checkpoint first initialises a throwaway backbone from the global RNG.
        // Under a finalizer hold: initialisation creates TorchSharp Scalars (see FinalizerHold).
        var model = FinalizerHold.During(() => TaskRandom.WithSeededGlobalRng(seed,
            () => new ProteinClassifier(PretrainedBackbones.Load(Kind, data), data.Families.Count)));
        return new TaskInstance(
            Name,
            model,
            TrainingData.FromTensors(data.TrainTokens, data.TrainLabels, BatchSize),
            TrainingData.FromTensors(data.ValidationTokens, data.ValidationLabels, BatchSize, shuffle: false),
            LossFunctions.ByName(LossName),
            LossName);
    }
}
