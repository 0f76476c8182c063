namespace LrNotebooks.Suggestions;

/// <summary>
/// "lightning": PyTorch Lightning's current <c>_LRFinder.suggestion(skip_begin=10, skip_end=1)</c>, for reference only.
/// It drops non-finite losses and takes the steepest slope against the raw LR values (torch.gradient with
/// spacing = LR). Since dL/dLR = (dL/dlog LR)/LR, noise at tiny LRs is blown up and the pick is pulled toward
/// min-lr: the known bug https://github.com/Lightning-AI/pytorch-lightning/issues/21141. Not for default use.
/// Faithful to Lightning, it fails only with fewer than 2 points, so it answers even on a curve that never falls.
/// </summary>
public sealed class LightningRule : ISuggestionRule
{
    public const int SkipBegin = 10;
    public const int SkipEnd = 1;

    public string Name => "lightning";

    public string Description => "Lightning's current rule (slope against raw LR; pulled toward small LRs, issue #21141). Reference only.";

    public Suggestion Suggest(IReadOnlyList<double> learningRates, IReadOnlyList<double> smoothedLosses)
    {
        if (!CurveWindow.TryLightningWindow(learningRates, smoothedLosses, SkipBegin, SkipEnd, out var window, out var failure))
            return Suggestion.Failed(Name, failure);

        int? steepest = Gradient.ArgMinFinite(Gradient.Of(window.Losses, window.LearningRates));
        return steepest is int i
            ? Suggestion.At(Name, window.LearningRates[i], window.Indices[i])
            : Suggestion.Failed(Name, "No finite slope: the learning rates repeat, so the slope against LR is undefined.");
    }
}
