namespace LrNotebooks.Suggestions;

/// <summary>
/// "consensus": the median, in log10(LR), of the member rules that gave a value (a geometric median, so one wild
/// rule cannot drag it; with an even count, the geometric mean of the middle two). Rules that could not suggest are
/// left out. <see cref="Suggestion.BandLow"/>/<see cref="Suggestion.BandHigh"/> are the lowest and highest member
/// values, and <see cref="Suggestion.LowConfidence"/> is set when they span more than
/// <see cref="LowConfidenceSpreadDecades"/> decades or when only one member answered (nothing to agree with).
/// It fails only when no member answers, listing each member's reason.
/// </summary>
public sealed class ConsensusRule(IReadOnlyList<ISuggestionRule> members) : ISuggestionRule
{
    public const double LowConfidenceSpreadDecades = 0.5;

    public IReadOnlyList<ISuggestionRule> Members => members;

    public string Name => "consensus";

    public string Description =>
        $"Median in log10(LR) of {string.Join(", ", members.Select(m => m.Name))}; low confidence when they span more than half a decade.";

    public Suggestion Suggest(IReadOnlyList<double> learningRates, IReadOnlyList<double> smoothedLosses)
    {
        Suggestion[] outcomes = members.Select(m => m.Suggest(learningRates, smoothedLosses)).ToArray();
        double[] logs = outcomes.Where(o => o.HasValue).Select(o => Math.Log10(o.LearningRate!.Value)).Order().ToArray();
        if (logs.Length == 0)
            return Suggestion.Failed(Name, "No rule could suggest: " + string.Join(" ", outcomes.Select(o => $"{o.Rule}: {o.FailureReason}")));

        double median = (logs[(logs.Length - 1) / 2] + logs[logs.Length / 2]) / 2;
        double learningRate = Math.Pow(10, median);
        return new Suggestion(Name, learningRate, NearestPoint(learningRates, smoothedLosses, median), null)
        {
            BandLow = Math.Pow(10, logs[0]),
            BandHigh = Math.Pow(10, logs[^1]),
            LowConfidence = logs.Length < 2 || logs[^1] - logs[0] > LowConfidenceSpreadDecades,
        };
    }

    /// <summary>The usable curve point closest to <paramref name="log10Lr"/>, so a chart can put the marker on the curve.</summary>
    private static int? NearestPoint(IReadOnlyList<double> learningRates, IReadOnlyList<double> losses, double log10Lr)
    {
        int? nearest = null;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < learningRates.Count; i++)
        {
            if (!CurveWindow.IsUsable(learningRates[i], losses[i]))
                continue;
            double distance = Math.Abs(Math.Log10(learningRates[i]) - log10Lr);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                nearest = i;
            }
        }
        return nearest;
    }
}
