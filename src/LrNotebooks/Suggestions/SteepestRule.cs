namespace LrNotebooks.Suggestions;

/// <summary>
/// "steepest": the point where the smoothed loss falls fastest against log10(LR).
/// Slopes are central differences over log10(LR) (the non-uniform formula, so linear ladders work too), which is the
/// scale-free form Lightning used before 2.5.3 and PR #21171 proposes again. Like the anchors (Lightning skips 10
/// points, torch-lr-finder 10 and 5), it skips the start and end: fastai's window, the first tenth and the last 5,
/// where the EMA warm-up and the blow-up live. It is cut at the first NaN/infinite loss.
/// </summary>
public sealed class SteepestRule : ISuggestionRule
{
    public string Name => "steepest";

    public string Description => "Steepest descent of the loss against log10(LR), skipping the first tenth and the last 5 points.";

    public Suggestion Suggest(IReadOnlyList<double> learningRates, IReadOnlyList<double> smoothedLosses)
    {
        // Three points give at least one central difference.
        if (!CurveWindow.TryFastaiWindow(learningRates, smoothedLosses, minimumPoints: 3, out var window, out var failure))
            return Suggestion.Failed(Name, failure);

        double[] slopes = Gradient.Of(window.Losses, window.LearningRates.Select(Math.Log10).ToArray());
        int? steepest = Gradient.ArgMinFinite(slopes);
        if (steepest is not int i || slopes[i] >= 0)
            return Suggestion.Failed(Name, "No point of the usable curve has a falling slope (repeated learning rates or a flat curve).");
        return Suggestion.At(Name, window.LearningRates[i], window.Indices[i]);
    }
}
