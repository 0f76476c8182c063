using LrNotebooks.Suggestions;

namespace LrNotebooks.Tests.Suggestions;

public class MinimumRuleTests
{
    private readonly MinimumRule _rule = new();

    [Fact]
    public void Returns_exactly_a_tenth_of_the_LR_at_the_lowest_loss_with_the_index_at_the_minimum()
    {
        var (lrs, smoothed) = SyntheticCurve.Run(noise: 0.1, seed: 3);
        int n = smoothed.Length;
        // The window: the first tenth and the last 5 points are dropped.
        int lowest = Enumerable.Range(n / 10, n - 5 - n / 10).MinBy(i => smoothed[i]);

        var pick = _rule.Suggest(lrs, smoothed);

        Assert.Equal(lowest, pick.Index);
        Assert.Equal(lrs[lowest] / 10, pick.LearningRate);
    }

    [Fact]
    public void A_lower_loss_among_the_last_five_points_is_ignored()
    {
        var (lrs, losses) = SyntheticCurve.Clean(100);
        var before = _rule.Suggest(lrs, losses);
        losses[97] = -100;

        Assert.Equal(before, _rule.Suggest(lrs, losses));
    }

    [Fact]
    public void Ties_pick_the_first_minimum()
    {
        double[] losses = [9, 9, 5, 3, 1, 1, 1, 4, 9, 9, 9, 9, 9];
        double[] lrs = losses.Select((_, k) => Math.Pow(10, k - 7.0)).ToArray();

        Assert.Equal(4, _rule.Suggest(lrs, losses).Index);
    }
}
