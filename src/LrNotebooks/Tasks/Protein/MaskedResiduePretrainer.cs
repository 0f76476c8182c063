using LrNotebooks.RangeTest;
using LrNotebooks.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// Pre-trains a backbone by masked-residue prediction (BERT-style, in miniature): a share of the residues of
/// each batch is replaced by MASK, a linear head predicts the original residue from the backbone's features,
/// and the cross-entropy counts the masked positions only. The head is owned here and thrown away on
/// <see cref="Dispose"/>; the backbone (not owned) keeps what it learned.
/// </summary>
public sealed class MaskedResiduePretrainer : IDisposable
{
    private const long Ignored = -100;
    private readonly ProteinBackbone backbone;
    private readonly Linear head;
    private readonly AdamW optimizer;
    private readonly Generator generator;

    public PretrainingOptions Options { get; }

    /// <summary>
    /// <see cref="PretrainingOptions.Seed"/> fixes the batch order and the masks; the head's initial weights and
    /// dropout draw from torch's global RNG (seed it with <c>torch.manual_seed</c> for a repeatable run).
    /// </summary>
    public MaskedResiduePretrainer(ProteinBackbone backbone, PretrainingOptions? options = null)
    {
        Options = options ?? new();
        Options.Validate();
        this.backbone = backbone;
        generator = new Generator((ulong)TaskRandom.SeedFor(Options.Seed, TaskRandom.Stream.Data));
        head = nn.Linear(backbone.FeatureSize, AminoAcidTokenizer.VocabularySize);
        optimizer = optim.AdamW(backbone.parameters().Concat(head.parameters()), Options.LearningRate, weight_decay: Options.WeightDecay);
    }

    /// <summary>
    /// Runs <see cref="PretrainingOptions.Steps"/> optimizer steps on batches of <paramref name="tokens"/>
    /// (int64 [n, length], e.g. the training windows). Stops early, keeping what was learned, when the token
    /// is cancelled or a loss is not finite.
    /// </summary>
    public PretrainingResult Run(Tensor tokens, IProgress<PretrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireTokens(tokens);
        backbone.train();
        head.train();
        var losses = new List<double>();
        // Unlabelled: the tokens stand in as the (unused) targets of the engine's batching.
        using var batches = TrainingData.FromTensors(tokens, tokens, Options.BatchSize).Batches(generator).Select(b => b.X).GetEnumerator();
        // Steps run with the finalizer thread parked, as the engine's own training step does (see FinalizerHold).
        using var finalizers = new FinalizerHold();
        for (var step = 0; step < Options.Steps; step++)
        {
            if (cancellationToken.IsCancellationRequested)
                return new PretrainingResult([.. losses], StopReason.Cancelled);
            finalizers.ReleaseIfDue();
            finalizers.Hold();
            using var scope = NewDisposeScope();
            batches.MoveNext();
            var loss = MaskedLoss(batches.Current, generator);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            var value = loss.item<float>();
            losses.Add(value);
            progress?.Report(new PretrainingProgress(step + 1, Options.Steps, value));
            if (!double.IsFinite(value))
                return new PretrainingResult([.. losses], StopReason.NonFiniteLoss);
        }
        return new PretrainingResult([.. losses], StopReason.Completed);
    }

    /// <summary>
    /// The masked-residue loss over all of <paramref name="tokens"/> in evaluation mode, with masks drawn from
    /// a generator seeded by <paramref name="maskSeed"/> (the same seed gives the same masks, so values compare).
    /// </summary>
    public double Evaluate(Tensor tokens, int maskSeed = 0)
    {
        RequireTokens(tokens);
        var wasTraining = backbone.training;
        backbone.eval();
        head.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            using var masks = new Generator((ulong)maskSeed);
            return MaskedLoss(tokens, masks).item<float>();
        }
        finally
        {
            backbone.train(wasTraining);
            head.train(wasTraining);
        }
    }

    private Tensor MaskedLoss(Tensor batch, Generator masks)
    {
        var chosen = rand(batch.shape, generator: masks).lt(Options.MaskFraction).logical_and(batch.ne(AminoAcidTokenizer.Pad));
        var logits = head.call(backbone.call(batch.masked_fill(chosen, AminoAcidTokenizer.Mask)));
        var targets = batch.masked_fill(chosen.logical_not(), Ignored);
        return nn.functional.cross_entropy(logits.reshape(-1, AminoAcidTokenizer.VocabularySize), targets.reshape(-1), ignore_index: Ignored);
    }

    private static void RequireTokens(Tensor tokens)
    {
        if (tokens.dim() != 2 || tokens.dtype != ScalarType.Int64 || tokens.shape[0] == 0)
            throw new ArgumentException($"Expected int64 token ids of shape [n > 0, length], got {tokens.dtype} [{string.Join(", ", tokens.shape)}].", nameof(tokens));
    }

    public void Dispose()
    {
        optimizer.Dispose();
        head.Dispose();
        generator.Dispose();
    }
}
