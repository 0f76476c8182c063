namespace LrNotebooks.Schedules;

/// <summary>
/// Interpolation from start to end as pct goes 0 to 1. Each formula keeps its source's arithmetic order, so
/// results match PyTorch and fastai to the last bit, not only mathematically.
/// </summary>
internal static class Annealing
{
    /// <summary>PyTorch's OneCycleLR._annealing_cos.</summary>
    public static double Cos(double start, double end, double pct) => end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1);

    /// <summary>PyTorch's OneCycleLR._annealing_linear.</summary>
    public static double Linear(double start, double end, double pct) => (end - start) * pct + start;

    public static double By(AnnealStrategy strategy, double start, double end, double pct) => strategy switch
    {
        AnnealStrategy.Cos => Cos(start, end, pct),
        AnnealStrategy.Linear => Linear(start, end, pct),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Expected Cos or Linear."),
    };

    /// <summary>fastai's sched_cos (the same curve as <see cref="Cos"/>, written from the other end).</summary>
    public static double FastaiCos(double start, double end, double pos) => start + (1 + Math.Cos(Math.PI * (1 - pos))) * (end - start) / 2;

    /// <summary>
    /// Position inside a phase. A phase of zero width (PyTorch divides 0 by 0 there and crashes) counts as finished:
    /// the step sits at its end value.
    /// </summary>
    public static double Position(double at, double start, double end) => end == start ? 1.0 : (at - start) / (end - start);
}
