using LrNotebooks.Suggestions;

namespace LrNotebooks.Tests.Suggestions;

public class ValleyRuleTests
{
    private readonly ValleyRule _rule = new();

    /// <summary>20 points: the rule drops 2 at the start (a tenth) and 5 at the end, leaving 13 in the middle.</summary>
    private static (double[] Lrs, double[] Losses) Embed13(double[] middle)
    {
        double[] losses = [50, 50, .. middle, 60, 61, 62, 63, 64];
        return (losses.Select((_, k) => Math.Pow(10, -7 + 0.4 * k)).ToArray(), losses);
    }

    [Fact]
    public void Contiguous_descent_uses_fastais_start_one_before_the_chain()
    {
        // Chain: middle[0..6] (length 7, ends at 6). fastai's start = 6 - 7 = -1; sections = 7/3;
        // pick = -1 + 2 + 1 = 2 (the true midpoint would be 3). Full-curve index = 2 + 2.
        var (lrs, losses) = Embed13([9, 8, 7, 6, 5, 4, 3, 5, 6, 7, 8, 9, 10]);

        var pick = _rule.Suggest(lrs, losses);

        Assert.Equal(4, pick.Index);
        Assert.Equal(lrs[4], pick.LearningRate);
    }

    [Fact]
    public void Chain_need_not_be_contiguous()
    {
        // Longest decreasing subsequence 9,8,7,6,5,4,3 skips 10 and 11; it ends at middle[8].
        // start = 8 - 7 = 1; sections = 7/3; pick = 1 + 2 + 1 = 4. Full-curve index = 4 + 2.
        var (lrs, losses) = Embed13([9, 8, 10, 7, 6, 11, 5, 4, 3, 12, 13, 14, 15]);

        Assert.Equal(6, _rule.Suggest(lrs, losses).Index);
    }

    [Fact]
    public void Pick_at_minus_one_is_clamped_to_the_first_point_instead_of_wrapping_around()
    {
        // 11 points: drop 1 at the start and 5 at the end. Chain [2, 1] from index 0: start = -1, pick = -1.
        double[] losses = [50, 2, 1, 3, 4, 5, 60, 61, 62, 63, 64];
        double[] lrs = losses.Select((_, k) => Math.Pow(10, -7 + 0.8 * k)).ToArray();

        Assert.Equal(1, _rule.Suggest(lrs, losses).Index);
    }

    [Fact]
    public void Noiseless_curve_is_picked_in_the_middle_of_the_descent()
    {
        var (lrs, losses) = SyntheticCurve.Clean(100);
        // The descent is strict from the window's first point (10) to the window's minimum.
        int lowest = Enumerable.Range(10, 85).MinBy(i => losses[i]);

        var pick = _rule.Suggest(lrs, losses);

        // fastai's integer arithmetic lands up to 2 points short of the exact midpoint.
        Assert.InRange(pick.Index!.Value, (10 + lowest) / 2.0 - 2, (10 + lowest) / 2.0);
    }

    [Fact]
    public void Heavy_noise_keeps_valley_within_a_decade_while_steepest_jumps_to_the_flat_start()
    {
        // The anchors' finding: gradient rules jump to the flat low-LR region as noise grows; valley does not.
        var runs = Enumerable.Range(0, 20).Select(seed => SyntheticCurve.Run(noise: 0.25, seed)).ToArray();
        double[] valley = Picks(_rule, runs);
        double[] steepest = Picks(new SteepestRule(), runs);

        Assert.True(valley.Max() - valley.Min() < 1, $"valley spans {valley.Min():F2}..{valley.Max():F2}");
        Assert.True(steepest.Max() - steepest.Min() > 3, $"steepest spans {steepest.Min():F2}..{steepest.Max():F2}");
    }

    private static double[] Picks(ISuggestionRule rule, IEnumerable<(double[] Lrs, double[] Smoothed)> runs) =>
        runs.Select(run => Math.Log10(rule.Suggest(run.Lrs, run.Smoothed).LearningRate!.Value)).ToArray();
}
