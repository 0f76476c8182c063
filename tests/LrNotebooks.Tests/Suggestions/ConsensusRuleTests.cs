using LrNotebooks.Suggestions;

namespace LrNotebooks.Tests.Suggestions;

public class ConsensusRuleTests
{
    /// <summary>A member that always answers the same (a value, or a failure when null).</summary>
    private sealed class FixedRule(string name, double? learningRate) : ISuggestionRule
    {
        public string Name => name;
        public string Description => "fixed";
        public Suggestion Suggest(IReadOnlyList<double> learningRates, IReadOnlyList<double> smoothedLosses) =>
            learningRate is double lr ? Suggestion.At(name, lr, 0) : Suggestion.Failed(name, $"{name} had nothing");
    }

    private static readonly double[] Lrs = Enumerable.Range(0, 81).Select(k => Math.Pow(10, -7 + 0.1 * k)).ToArray();
    private static readonly double[] Losses = Lrs.Select(_ => 1.0).ToArray();

    private static Suggestion Combine(params double?[] values) =>
        new ConsensusRule(values.Select((v, i) => (ISuggestionRule)new FixedRule($"r{i}", v)).ToArray()).Suggest(Lrs, Losses);

    [Fact]
    public void Odd_count_takes_the_middle_value_and_reports_the_band()
    {
        var pick = Combine(1e-1, 1e-3, 2e-3);

        Assert.Equal(2e-3, pick.LearningRate!.Value, 12);
        Assert.Equal(1e-3, pick.BandLow!.Value, 12);
        Assert.Equal(1e-1, pick.BandHigh!.Value, 12);
        Assert.True(pick.LowConfidence);
    }

    [Fact]
    public void Even_count_takes_the_geometric_mean_of_the_middle_two()
    {
        var pick = Combine(1e-3, 2e-3, 2.5e-3, 3e-3);

        Assert.Equal(Math.Sqrt(2e-3 * 2.5e-3), pick.LearningRate!.Value, 12);
        Assert.False(pick.LowConfidence);
    }

    [Theory]
    [InlineData(3.1e-3, false)] // 0.49 decades
    [InlineData(3.2e-3, true)]  // 0.51 decades
    public void Low_confidence_when_the_values_span_more_than_half_a_decade(double highest, bool expected)
    {
        Assert.Equal(expected, Combine(1e-3, 2e-3, highest).LowConfidence);
    }

    [Fact]
    public void Rules_without_a_value_are_left_out()
    {
        var pick = Combine(1e-3, null, 1.2e-3);

        Assert.Equal(Math.Sqrt(1e-3 * 1.2e-3), pick.LearningRate!.Value, 12);
        Assert.False(pick.LowConfidence);
    }

    [Fact]
    public void A_single_answering_rule_is_used_but_flagged_low_confidence()
    {
        var pick = Combine(null, 4e-4, null);

        Assert.Equal(4e-4, pick.LearningRate!.Value, 12);
        Assert.True(pick.LowConfidence);
    }

    [Fact]
    public void No_answering_rule_fails_with_every_reason()
    {
        var pick = Combine(null, null);

        Assert.False(pick.HasValue);
        Assert.Contains("r0 had nothing", pick.FailureReason);
        Assert.Contains("r1 had nothing", pick.FailureReason);
    }

    [Fact]
    public void Index_is_the_curve_point_nearest_in_log10_LR()
    {
        // sqrt(1e-3 · 1e-2) = 10^-2.5, exactly at Lrs[45].
        Assert.Equal(45, Combine(1e-3, 1e-2).Index);
    }

    [Fact]
    public void Built_in_consensus_is_the_geometric_median_of_steepest_valley_minimum_and_slide()
    {
        var (lrs, smoothed) = SyntheticCurve.Run(noise: 0.1, seed: 5);
        double[] logs = new[] { "steepest", "valley", "minimum", "slide" }
            .Select(name => Math.Log10(SuggestionRules.ByName(name).Suggest(lrs, smoothed).LearningRate!.Value))
            .ToArray();

        var pick = SuggestionRules.ByName("consensus").Suggest(lrs, smoothed);

        Assert.Equal(SyntheticCurve.Median(logs), Math.Log10(pick.LearningRate!.Value), 9);
        Assert.Equal(logs.Min(), Math.Log10(pick.BandLow!.Value), 9);
        Assert.Equal(logs.Max(), Math.Log10(pick.BandHigh!.Value), 9);
        Assert.Equal(logs.Max() - logs.Min() > 0.5, pick.LowConfidence);
    }
}
