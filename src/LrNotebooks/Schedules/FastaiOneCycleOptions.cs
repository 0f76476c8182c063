namespace LrNotebooks.Schedules;

/// <summary>fastai's fit_one_cycle parameters (lr_max, div, div_final, pct_start, moms), same defaults.</summary>
public sealed record FastaiOneCycleOptions
{
    /// <summary>lr_max, one per parameter group (fastai's slice(lo, hi) becomes one value per group).</summary>
    public required double[] MaxLrs { get; init; }
    public required int TotalSteps { get; init; }
    public double PctStart { get; init; } = 0.25;
    public double DivFactor { get; init; } = 25;
    /// <summary>max LR / final LR (fastai's div_final; PyTorch's final LR is max/(25*1e4) instead).</summary>
    public double FinalDivFactor { get; init; } = 1e5;
    public bool CycleMomentum { get; init; } = true;
    /// <summary>fastai's moms: momentum (or beta1) at the start, at the peak LR, and at the end.</summary>
    public (double Start, double Middle, double End) Moms { get; init; } = (0.95, 0.85, 0.95);

    /// <summary>Throws ArgumentException naming the bad option.</summary>
    public void Validate()
    {
        OptionChecks.PositiveFinite(MaxLrs, nameof(MaxLrs), "The max learning rate");
        OptionChecks.AtLeastOne(TotalSteps, nameof(TotalSteps), "The total number of steps");
        OptionChecks.Fraction(PctStart, nameof(PctStart), "PctStart (the fraction of steps spent warming up)");
        OptionChecks.PositiveFinite(DivFactor, nameof(DivFactor), "DivFactor (max LR / initial LR)");
        OptionChecks.PositiveFinite(FinalDivFactor, nameof(FinalDivFactor), "FinalDivFactor (max LR / final LR)");
        if (CycleMomentum)
            foreach (var m in new[] { Moms.Start, Moms.Middle, Moms.End })
                OptionChecks.Fraction(m, nameof(Moms), "Each momentum in Moms");
    }
}
