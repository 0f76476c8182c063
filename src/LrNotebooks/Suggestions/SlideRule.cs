namespace LrNotebooks.Suggestions;

/// <summary>
/// "slide": fastai's slide rule. With per-step slopes g (numpy.gradient, unit spacing) it compares pairs of points
/// <see cref="LrDiff"/> steps apart, walking left from the divergent end while |g[right] − g[left]| exceeds the
/// threshold, and returns (times <see cref="AdjustValue"/>) the LR of the last left point that still differed
/// (or the first pair's left point when that pair already agrees).
/// fastai's threshold 0.005 is in loss units per step, so the pick depends on the loss's scale: multiply a curve by
/// 100 and the walk runs much further left. <see cref="SlideThreshold.RelativeToLossRange"/> (the default here)
/// multiplies the threshold by the range (max − min) of the window's loss, which makes the pick independent of the
/// loss's scale and offset and equal to fastai's for a curve that spans one loss unit.
/// </summary>
public sealed class SlideRule(
    int lrDiff = 15, double thresh = 0.005, double adjustValue = 1.0,
    SlideThreshold threshold = SlideThreshold.RelativeToLossRange) : ISuggestionRule
{
    public int LrDiff => lrDiff;
    public double Thresh => thresh;
    public double AdjustValue => adjustValue;
    public SlideThreshold Threshold => threshold;

    public string Name => "slide";

    public string Description => $"fastai's slide (lr_diff {lrDiff}, thresh {thresh}"
        + (threshold == SlideThreshold.RelativeToLossRange ? " × loss range" : "") + $", adjust {adjustValue}).";

    public Suggestion Suggest(IReadOnlyList<double> learningRates, IReadOnlyList<double> smoothedLosses)
    {
        // The first pair needs a left point lrDiff steps before the last one.
        if (!CurveWindow.TryFastaiWindow(learningRates, smoothedLosses, minimumPoints: lrDiff + 1, out var window, out var failure))
            return Suggestion.Failed(Name, failure);

        double[] slopes = Gradient.PerStep(window.Losses);
        double limit = threshold == SlideThreshold.RelativeToLossRange
            ? thresh * (window.Losses.Max() - window.Losses.Min())
            : thresh;
        int right = window.Count - 1, left = right - lrDiff, pick = left;
        while (left >= 0 && Math.Abs(slopes[right] - slopes[left]) > limit)
        {
            pick = left;
            right--;
            left--;
        }
        return Suggestion.At(Name, window.LearningRates[pick] * adjustValue, window.Indices[pick]);
    }
}

/// <summary>How <see cref="SlideRule"/> reads its threshold.</summary>
public enum SlideThreshold
{
    /// <summary>fastai's: loss units per step, so the pick depends on the loss's scale.</summary>
    Absolute,
    /// <summary>A fraction of the window's loss range (max − min) per step: independent of the loss's scale.</summary>
    RelativeToLossRange,
}
