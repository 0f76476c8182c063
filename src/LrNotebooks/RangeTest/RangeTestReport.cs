using System.Globalization;
using LrNotebooks.Suggestions;

namespace LrNotebooks.RangeTest;

/// <summary>Turns a recorded curve into the result: every rule's suggestion, and plain-language notes.</summary>
internal static class RangeTestReport
{
    /// <summary>
    /// The start counts as "already falling" when the smoothed loss lost more than this share of its whole
    /// descent (first value to minimum) within the first tenth of the steps (at least 3): a well-placed
    /// MinLr shows a flat start, where the learning rate is still too small to matter.
    /// </summary>
    internal const double EarlyDescentShare = 0.2;

    public static RangeTestResult Build(RangeCurve curve, RangeTestOptions options, string optimizerDescription, TimeSpan elapsed, bool validationIgnored)
    {
        int usable = curve.FiniteCount;
        var learningRates = curve.LearningRates.Take(usable).ToArray();
        var smoothed = curve.SmoothedLosses.Take(usable).ToArray();
        var suggestions = SuggestionRules.All.Select(rule => rule.Suggest(learningRates, smoothed)).ToList();
        var chosenRule = SuggestionRules.ByName(options.Suggest);
        var chosen = suggestions.First(s => s.Rule == chosenRule.Name);
        var consensusName = SuggestionRules.All.OfType<ConsensusRule>().FirstOrDefault()?.Name;
        var consensus = suggestions.FirstOrDefault(s => s.Rule == consensusName);

        var notes = new List<string>();
        AddStopNote(curve, options, notes);
        AddEarlyDescentNote(smoothed, options, notes);
        AddSuggestionNotes(chosen, suggestions, consensus, notes);
        if (validationIgnored)
            notes.Add("Validation data was given but ValidationEvery is 0, so no validation loss was measured; " +
                      "set ValidationEvery (1 measures it at every step, as in Smith's original method).");

        return new RangeTestResult
        {
            LearningRates = [.. curve.LearningRates],
            Losses = [.. curve.Losses],
            SmoothedLosses = [.. curve.SmoothedLosses],
            ValidationLosses = curve.ValidationLosses?.ToArray(),
            StopReason = curve.StopReason,
            StopStep = curve.StopStep,
            Suggestions = suggestions,
            SuggestionRule = chosen.Rule,
            SuggestedLr = chosen.LearningRate ?? double.NaN,
            LowConfidence = consensus?.LowConfidence ?? false,
            Notes = notes,
            Options = options,
            OptimizerDescription = optimizerDescription,
            Elapsed = elapsed,
        };
    }

    private static void AddStopNote(RangeCurve curve, RangeTestOptions options, List<string> notes)
    {
        int ran = curve.LearningRates.Count;
        switch (curve.StopReason)
        {
            case StopReason.Completed when EndedAboveStart(curve):
                notes.Add($"The loss rose at the end above where it started, but stayed under {options.DivergenceFactor.ToString(CultureInfo.InvariantCulture)}x " +
                          "its best, so the run went on to MaxLr: the range covers where training breaks down.");
                break;
            case StopReason.Completed:
                notes.Add($"The loss never diverged up to MaxLr = {Lr(options.MaxLr)}: the range may be too short to show where " +
                          $"training breaks down. Try a larger MaxLr (--max-lr), e.g. {Lr(options.MaxLr * 10)}.");
                break;
            case StopReason.Diverged:
                notes.Add($"The smoothed loss rose above {options.DivergenceFactor.ToString(CultureInfo.InvariantCulture)}x its best " +
                          $"at step {curve.StopStep} of {curve.PlannedSteps} (lr = {Lr(curve.LearningRates[^1])}); the run stopped there.");
                break;
            case StopReason.NonFiniteLoss:
                notes.Add($"The loss became {curve.Losses[^1].ToString(CultureInfo.InvariantCulture)} at step {curve.StopStep} of " +
                          $"{curve.PlannedSteps} (lr = {Lr(curve.LearningRates[^1])}); the run stopped there and the suggestions leave that point out.");
                break;
            case StopReason.Cancelled:
                notes.Add($"The run was cancelled after {ran} of {curve.PlannedSteps} steps; the curve and the suggestions cover only those steps.");
                break;
        }
        bool brokeAtOnce = curve.StopReason is StopReason.Diverged or StopReason.NonFiniteLoss && curve.StopStep < Math.Max(3, curve.PlannedSteps / 10);
        if (brokeAtOnce)
            notes.Add($"Training broke down almost at once: MinLr = {Lr(options.MinLr)} is probably already too high. " +
                      $"Try a smaller MinLr (--min-lr), e.g. {Lr(options.MinLr / 100)}.");
    }

    /// <summary>
    /// A completed run whose smoothed loss ends clearly (by this share of its size) above its first value did reach
    /// the unstable region, even if it stayed under the divergence threshold; a flat curve's noise stays well below.
    /// </summary>
    internal const double EndedAboveStartShare = 0.1;

    private static bool EndedAboveStart(RangeCurve curve)
    {
        if (curve.SmoothedLosses.Count < 2) return false;
        double first = curve.SmoothedLosses[0], last = curve.SmoothedLosses[^1];
        return last - first > EndedAboveStartShare * Math.Abs(first);
    }

    private static void AddEarlyDescentNote(double[] smoothed, RangeTestOptions options, List<string> notes)
    {
        int window = Math.Max(3, options.Steps / 10);
        if (smoothed.Length <= window) return;
        double descent = smoothed[0] - smoothed.Min();
        double early = smoothed[0] - smoothed[window - 1];
        if (descent > 0 && early > EarlyDescentShare * descent)
            notes.Add($"The loss fell from the very first steps ({early / descent:P0} of its whole descent in the first {window}): " +
                      $"MinLr = {Lr(options.MinLr)} may be too high to show the flat start. Try a smaller MinLr (--min-lr), e.g. {Lr(options.MinLr / 100)}.");
    }

    private static void AddSuggestionNotes(Suggestion chosen, IReadOnlyList<Suggestion> all, Suggestion? consensus, List<string> notes)
    {
        if (!chosen.HasValue)
        {
            var others = all.Where(s => s.HasValue && s.Rule != chosen.Rule).Select(s => $"{s.Rule} {Lr(s.LearningRate!.Value)}").ToList();
            notes.Add($"No learning rate was suggested: the {chosen.Rule} rule could not decide. {chosen.FailureReason}" +
                      (others.Count > 0 ? $" Other rules did: {string.Join(", ", others)}." : " No other rule could either."));
        }
        if (consensus is { HasValue: true, LowConfidence: true })
            notes.Add($"Low confidence: the rules disagree (from {Lr(consensus.BandLow ?? double.NaN)} to {Lr(consensus.BandHigh ?? double.NaN)}, " +
                      "or too few of them could answer); read the chart, and consider more steps or a repeat with another seed.");
    }

    private static string Lr(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
