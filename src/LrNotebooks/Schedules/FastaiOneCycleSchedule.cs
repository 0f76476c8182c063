namespace LrNotebooks.Schedules;

/// <summary>
/// fastai's fit_one_cycle: combined_cos(pct_start, lr_max/div, lr_max, lr_max/div_final) for the LR and
/// combined_cos(pct_start, moms) for momentum/beta1, at the continuous position p = step / T (so step 0 gets
/// exactly lr_max/div and step T exactly lr_max/div_final). fastai computes the phase position in float32;
/// this works in double, so values agree with fastai to about 1e-7 relative.
/// </summary>
public sealed class FastaiOneCycleSchedule : ISchedule
{
    public FastaiOneCycleSchedule(FastaiOneCycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options with { MaxLrs = [.. options.MaxLrs] };
    }

    public FastaiOneCycleOptions Options { get; }
    public int TotalSteps => Options.TotalSteps;
    public int GroupCount => Options.MaxLrs.Length;

    public HyperParameters At(int step, int group = 0)
    {
        OptionChecks.StepInRange(step, TotalSteps);
        OptionChecks.GroupInRange(group, GroupCount);
        double maxLr = Options.MaxLrs[group];
        double p = (double)step / TotalSteps;
        double lr = CombinedCos(p, maxLr / Options.DivFactor, maxLr, maxLr / Options.FinalDivFactor);
        double? momentum = Options.CycleMomentum ? CombinedCos(p, Options.Moms.Start, Options.Moms.Middle, Options.Moms.End) : null;
        return new HyperParameters(lr, momentum);
    }

    // combine_scheds([pct, 1-pct], [SchedCos(start, middle), SchedCos(middle, end)]): the last phase whose start
    // p has reached, position rescaled to that phase.
    private double CombinedCos(double p, double start, double middle, double end)
    {
        double pct = Options.PctStart;
        return p >= pct
            ? Annealing.FastaiCos(middle, end, Annealing.Position(p, pct, 1))
            : Annealing.FastaiCos(start, middle, Annealing.Position(p, 0, pct));
    }
}
