using LrNotebooks.Suggestions;

namespace LrNotebooks.Tests.Suggestions;

/// <summary>Every rule answers odd curves with a plain-words reason instead of throwing.</summary>
public class DegenerateCurveTests
{
    public static TheoryData<string> RuleNames() => [.. SuggestionRules.All.Select(rule => rule.Name)];

    private static double[] Ladder(int n) => Enumerable.Range(0, n).Select(k => Math.Pow(10, -7 + 8.0 * k / Math.Max(1, n - 1))).ToArray();

    private static void AssertFails(Suggestion pick, string? expectedWords = null)
    {
        Assert.False(pick.HasValue);
        Assert.Null(pick.Index);
        Assert.False(string.IsNullOrWhiteSpace(pick.FailureReason));
        if (expectedWords is not null)
            Assert.Contains(expectedWords, pick.FailureReason);
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void Empty_curve(string name) => AssertFails(SuggestionRules.ByName(name).Suggest([], []), "0 ");

    [Theory, MemberData(nameof(RuleNames))]
    public void Single_point(string name) => AssertFails(SuggestionRules.ByName(name).Suggest([1e-3], [1.0]));

    [Theory, MemberData(nameof(RuleNames))]
    public void All_NaN(string name) =>
        AssertFails(SuggestionRules.ByName(name).Suggest(Ladder(100), Enumerable.Repeat(double.NaN, 100).ToArray()));

    [Theory, MemberData(nameof(RuleNames))]
    public void Lengths_that_differ(string name) =>
        AssertFails(SuggestionRules.ByName(name).Suggest(Ladder(100), Enumerable.Repeat(1.0, 99).ToArray()), "100 learning rates but 99 losses");

    [Theory, MemberData(nameof(RuleNames))]
    public void Constant_loss_has_no_descent(string name)
    {
        var pick = SuggestionRules.ByName(name).Suggest(Ladder(100), Enumerable.Repeat(2.0, 100).ToArray());

        if (name == "lightning")
            Assert.True(pick.HasValue); // Lightning answers anything with 2 points (reference behaviour).
        else
            AssertFails(pick, "never decreases");
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void Increasing_loss_has_no_descent(string name)
    {
        var pick = SuggestionRules.ByName(name).Suggest(Ladder(100), Enumerable.Range(0, 100).Select(k => 1.0 + k).ToArray());

        if (name == "lightning")
            Assert.True(pick.HasValue);
        else
            AssertFails(pick, "never decreases");
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void NaN_and_infinity_inside_are_survived(string name)
    {
        var (lrs, losses) = SyntheticCurve.Clean(100);
        losses[70] = double.NaN;
        losses[80] = double.PositiveInfinity;
        lrs[90] = -1;

        var pick = SuggestionRules.ByName(name).Suggest(lrs, losses);

        Assert.True(pick.HasValue, pick.FailureReason);
        Assert.InRange(pick.Index!.Value, 0, 69);
        Assert.True(pick.LearningRate > 0);
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void A_non_positive_learning_rate_cuts_the_curve_like_a_NaN_loss(string name)
    {
        var (lrs, losses) = SyntheticCurve.Clean(100);
        lrs[60] = 0;

        var pick = SuggestionRules.ByName(name).Suggest(lrs, losses);

        Assert.True(pick.HasValue, pick.FailureReason);
        if (name != "lightning") // Lightning only checks losses; a zero LR is just another coordinate to it.
            Assert.InRange(pick.Index!.Value, 0, 59);
    }
}
