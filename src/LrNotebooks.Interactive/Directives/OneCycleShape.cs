using LrNotebooks.Schedules;

namespace LrNotebooks.Interactive;

/// <summary>
/// What charts and summaries tell about a One Cycle schedule, whichever convention made it: PyTorch's OneCycleLR
/// (<see cref="OneCycleSchedule"/>) or fastai's fit_one_cycle (<see cref="FastaiOneCycleSchedule"/>).
/// </summary>
/// <param name="PhaseEnds">Steps where a phase ends inside the run (warm-up; with three phases, the way back down too).</param>
/// <param name="FinalDivOf">What the final lr is divided from: "initial lr" (PyTorch) or "max lr" (fastai).</param>
/// <param name="Momenta">Momentum (or beta1) at the start, the peak lr and the end; null when not cycled.</param>
internal sealed record OneCycleShape(
    string Preset,
    double MaxLr,
    AnnealStrategy Anneal,
    double PctStart,
    bool ThreePhase,
    IReadOnlyList<double> PhaseEnds,
    double DivFactor,
    double FinalDivFactor,
    string FinalDivOf,
    (double Start, double Middle, double End)? Momenta)
{
    public static OneCycleShape Of(ISchedule schedule) => schedule switch
    {
        OneCycleSchedule { Options: var o } pytorch => new("pytorch", o.MaxLrs[0], o.Anneal, o.PctStart, o.ThreePhase,
            [.. pytorch.PhaseEndSteps.SkipLast(1)], o.DivFactor, o.FinalDivFactor, "initial lr",
            o.CycleMomentum ? (o.MaxMomentum, o.BaseMomentum, o.MaxMomentum) : null),
        // fastai switches phase at the continuous position p = step / T = pct_start
        FastaiOneCycleSchedule { Options: var o } => new("fastai", o.MaxLrs[0], AnnealStrategy.Cos, o.PctStart, ThreePhase: false,
            [o.PctStart * o.TotalSteps], o.DivFactor, o.FinalDivFactor, "max lr",
            o.CycleMomentum ? o.Moms : null),
        _ => throw new ArgumentException($"expected a One Cycle schedule, not {schedule.GetType().Name}.", nameof(schedule)),
    };
}
