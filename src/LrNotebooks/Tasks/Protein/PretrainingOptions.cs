namespace LrNotebooks.Tasks.Protein;

/// <summary>Settings of masked-residue pre-training (AdamW at a constant learning rate).</summary>
public sealed record PretrainingOptions
{
    public int Steps { get; init; } = 150;
    public int BatchSize { get; init; } = 64;
    /// <summary>Share of the residues (non-PAD tokens) replaced by MASK and predicted.</summary>
    public double MaskFraction { get; init; } = 0.15;
    public double LearningRate { get; init; } = 3e-3;
    public double WeightDecay { get; init; } = 0.01;
    /// <summary>Seeds the batch order and the masks (weights and dropout follow torch's global RNG).</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option and what is expected.</summary>
    public void Validate()
    {
        if (Steps < 1)
            throw new ArgumentException($"Steps must be at least 1, not {Steps}.", nameof(Steps));
        if (BatchSize < 1)
            throw new ArgumentException($"BatchSize must be at least 1, not {BatchSize}.", nameof(BatchSize));
        if (MaskFraction is <= 0 or >= 1)
            throw new ArgumentException($"MaskFraction must be in (0, 1), not {MaskFraction}.", nameof(MaskFraction));
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new ArgumentException($"LearningRate must be a positive number, not {LearningRate}.", nameof(LearningRate));
        if (!(WeightDecay >= 0))
            throw new ArgumentException($"WeightDecay must be 0 or more, not {WeightDecay}.", nameof(WeightDecay));
    }
}

/// <summary>Reported after every pre-training step.</summary>
public sealed record PretrainingProgress(int Step, int TotalSteps, double MaskedLoss);

/// <summary>The masked-residue loss of each step that ran, and why the run ended (Completed, Cancelled or NonFiniteLoss).</summary>
public sealed record PretrainingResult(double[] MaskedLosses, RangeTest.StopReason StopReason);
