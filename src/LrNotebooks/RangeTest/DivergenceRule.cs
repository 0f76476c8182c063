namespace LrNotebooks.RangeTest;

/// <summary>
/// Decides when a range test's smoothed loss has blown up.
/// </summary>
/// <remarks>
/// For a positive best smoothed loss this is the rule of fastai and Lightning: stop when
/// smoothed &gt; factor · best. When the best is zero or negative (log-likelihood losses, ELBOs, losses
/// with a negative offset) that ratio is meaningless (4 · −2 = −8 would fire at once), so the rule measures
/// the rise above the best against the loss's magnitude, m = max(|best|, |first smoothed loss|):
/// stop when smoothed − best &gt; (factor − 1) · m. Both forms agree for positive losses. If m is 0 (the
/// loss is exactly 0 from the start) no rise can be judged, and only a NaN/Inf loss stops the run.
/// An infinite factor disables the rule.
/// </remarks>
public sealed class DivergenceRule(double factor)
{
    private double _best = double.PositiveInfinity;
    private double? _first;

    public double Factor { get; } = factor;

    /// <summary>Feeds the next smoothed loss; true when the run has diverged.</summary>
    public bool Diverged(double smoothedLoss)
    {
        _first ??= smoothedLoss;
        _best = Math.Min(_best, smoothedLoss);
        if (_best > 0) return smoothedLoss > Factor * _best;
        double magnitude = Math.Max(Math.Abs(_best), Math.Abs(_first.Value));
        return magnitude > 0 && smoothedLoss - _best > (Factor - 1) * magnitude;
    }
}
