namespace LrNotebooks.Schedules;

/// <summary>PyTorch OneCycleLR's parameters (same names, same defaults). One max LR per parameter group.</summary>
public sealed record OneCycleOptions
{
    public required double[] MaxLrs { get; init; }
    public required int TotalSteps { get; init; }
    public double PctStart { get; init; } = 0.3;
    public AnnealStrategy Anneal { get; init; } = AnnealStrategy.Cos;
    public double DivFactor { get; init; } = 25;
    public double FinalDivFactor { get; init; } = 1e4;
    public bool ThreePhase { get; init; }
    public bool CycleMomentum { get; init; } = true;
    public double BaseMomentum { get; init; } = 0.85;
    public double MaxMomentum { get; init; } = 0.95;

    /// <summary>Options for <paramref name="epochs"/> x <paramref name="stepsPerEpoch"/> steps (PyTorch's epochs/steps_per_epoch).</summary>
    public static OneCycleOptions ForEpochs(int epochs, int stepsPerEpoch, params double[] maxLrs)
    {
        OptionChecks.AtLeastOne(epochs, "Epochs", "The number of epochs");
        OptionChecks.AtLeastOne(stepsPerEpoch, "StepsPerEpoch", "The number of steps per epoch");
        long total = (long)epochs * stepsPerEpoch;
        if (total > int.MaxValue)
            throw new ArgumentException($"Epochs x StepsPerEpoch ({total}) exceeds {int.MaxValue} steps.", "Epochs");
        return new OneCycleOptions { MaxLrs = maxLrs, TotalSteps = (int)total };
    }

    /// <summary>Throws ArgumentException naming the bad option.</summary>
    public void Validate()
    {
        OptionChecks.PositiveFinite(MaxLrs, nameof(MaxLrs), "The max learning rate");
        OptionChecks.AtLeastOne(TotalSteps, nameof(TotalSteps), "The total number of steps");
        OptionChecks.Fraction(PctStart, nameof(PctStart), "PctStart (the fraction of steps spent warming up)");
        // PyTorch accepts this too, but its second phase then runs past the last step and the LR never reaches its minimum.
        if (ThreePhase && PctStart > 0.5)
            throw new ArgumentException($"With three phases the warm-up and cool-down each take PctStart of the steps, so PctStart must be at most 0.5, got {PctStart}.", nameof(PctStart));
        if (!Enum.IsDefined(Anneal))
            throw new ArgumentException($"Anneal must be Cos or Linear, got {Anneal}.", nameof(Anneal));
        OptionChecks.PositiveFinite(DivFactor, nameof(DivFactor), "DivFactor (max LR / initial LR)");
        OptionChecks.PositiveFinite(FinalDivFactor, nameof(FinalDivFactor), "FinalDivFactor (initial LR / min LR)");
        if (CycleMomentum) OptionChecks.MomentumBounds(BaseMomentum, nameof(BaseMomentum), MaxMomentum, nameof(MaxMomentum));
    }
}
