using LrNotebooks.Suggestions;

namespace LrNotebooks.Tests.Suggestions;

public class SlideRuleTests
{
    [Theory]
    [InlineData(SlideThreshold.Absolute)]
    [InlineData(SlideThreshold.RelativeToLossRange)]
    public void Walks_left_until_slopes_fifteen_steps_apart_agree(SlideThreshold threshold)
    {
        // 50 points: 5 dropped at the start, 5 at the end; the 40 in the middle are flat (0..20), fall by 0.1 a step
        // (20..30), then rise by 1 a step. Per-step slopes: 0 up to 19, -0.05 at 20, -0.1 to 29, then 0.45 and 1.
        // Pairs (r, r-15) differ by at least 0.05 (> 0.005, and > 0.005 × the range 9) down to (20, 5);
        // (19, 4) is flat on both sides and stops the walk, so the pick is the last differing left point, 5.
        double[] middle = Enumerable.Range(0, 40).Select(k => k <= 20 ? 1.0 : k <= 30 ? 1 - 0.1 * (k - 20) : k - 30.0).ToArray();
        double[] losses = [5, 5, 5, 5, 5, .. middle, 20, 30, 40, 50, 60];
        double[] lrs = losses.Select((_, k) => Math.Pow(10, -7 + 0.16 * k)).ToArray();

        var pick = new SlideRule(threshold: threshold).Suggest(lrs, losses);

        Assert.Equal(5 + 5, pick.Index);
        Assert.Equal(lrs[10], pick.LearningRate);
    }

    [Fact]
    public void Relative_threshold_makes_the_pick_independent_of_the_loss_scale_unlike_fastais()
    {
        var (lrs, smoothed) = SyntheticCurve.Run(noise: 0, seed: 0);
        double[] rescaled = smoothed.Select(loss => 100 * loss + 50).ToArray();
        var relative = new SlideRule(threshold: SlideThreshold.RelativeToLossRange);
        var absolute = new SlideRule(threshold: SlideThreshold.Absolute);

        Assert.Equal(relative.Suggest(lrs, smoothed).Index, relative.Suggest(lrs, rescaled).Index);
        // fastai's absolute threshold walks further left once the same curve is measured in larger units.
        Assert.True(absolute.Suggest(lrs, rescaled).Index < absolute.Suggest(lrs, smoothed).Index);
    }

    [Fact]
    public void Adjust_value_scales_the_returned_learning_rate()
    {
        var (lrs, smoothed) = SyntheticCurve.Run(noise: 0, seed: 0);
        var plain = new SlideRule().Suggest(lrs, smoothed);

        var adjusted = new SlideRule(adjustValue: 0.5).Suggest(lrs, smoothed);

        Assert.Equal(plain.LearningRate * 0.5, adjusted.LearningRate);
    }

    [Fact]
    public void Fewer_than_sixteen_usable_points_fail_with_a_reason()
    {
        var (lrs, losses) = SyntheticCurve.Clean(100);
        for (int i = 25; i < losses.Length; i++)
            losses[i] = double.PositiveInfinity;

        var pick = new SlideRule().Suggest(lrs, losses);

        Assert.False(pick.HasValue);
        Assert.Contains("15 usable point", pick.FailureReason);
        Assert.Contains("at least 16", pick.FailureReason);
    }
}
