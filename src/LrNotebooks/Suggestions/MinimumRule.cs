namespace LrNotebooks.Suggestions;

/// <summary>
/// "minimum": fastai's rule of thumb, a tenth of the LR at the lowest smoothed loss (first one on ties).
/// <see cref="Suggestion.Index"/> is the minimum itself, where fastai draws the marker.
/// </summary>
public sealed class MinimumRule : ISuggestionRule
{
    public const double Divisor = 10;

    public string Name => "minimum";

    public string Description => "fastai's minimum/10: a tenth of the LR at the lowest loss.";

    public Suggestion Suggest(IReadOnlyList<double> learningRates, IReadOnlyList<double> smoothedLosses)
    {
        if (!CurveWindow.TryFastaiWindow(learningRates, smoothedLosses, minimumPoints: 2, out var window, out var failure))
            return Suggestion.Failed(Name, failure);

        // The window holds finite losses only, so there is always a minimum.
        int lowest = Gradient.ArgMinFinite(window.Losses)!.Value;
        return Suggestion.At(Name, window.LearningRates[lowest] / Divisor, window.Indices[lowest]);
    }
}
