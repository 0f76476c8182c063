using LrNotebooks.Suggestions;

namespace LrNotebooks.Tests.Suggestions;

public class SteepestRuleTests
{
    private readonly SteepestRule _rule = new();

    [Fact]
    public void Noiseless_curve_lands_within_one_ladder_step_of_the_true_steepest_point()
    {
        var (lrs, losses) = SyntheticCurve.Clean(100);
        // The window the rule looks at: the first tenth (10) and the last 5 points are skipped.
        double truth = SyntheticCurve.TrueSteepestLog10(Math.Log10(lrs[10]), Math.Log10(lrs[94]));

        var pick = _rule.Suggest(lrs, losses);

        Assert.True(pick.HasValue, pick.FailureReason);
        Assert.InRange(Math.Log10(pick.LearningRate!.Value), truth - SyntheticCurve.LadderStep(100), truth + SyntheticCurve.LadderStep(100));
        Assert.Equal(lrs[pick.Index!.Value], pick.LearningRate);
    }

    [Fact]
    public void Non_uniform_spacing_is_measured_against_log10_LR_not_per_step()
    {
        // Fine steps (0.04 decades) up to -2.8, coarse ones (0.16) after: a per-step slope would prefer the coarse
        // side, where each step falls further although the loss falls more slowly per decade.
        double[] fine = Enumerable.Range(0, 106).Select(k => -7 + 0.04 * k).ToArray();
        double[] coarse = Enumerable.Range(1, 23).Select(k => fine[^1] + 0.16 * k).ToArray();
        double[] ladder = [.. fine, .. coarse];
        var (lrs, losses) = SyntheticCurve.OnLadder(ladder);
        double truth = SyntheticCurve.TrueSteepestLog10(-6, 0);

        var pick = _rule.Suggest(lrs, losses);

        Assert.InRange(Math.Log10(pick.LearningRate!.Value), truth - 0.04, truth + 0.04);
    }

    [Fact]
    public void NaN_after_the_descent_cuts_the_curve_without_moving_the_pick()
    {
        var (lrs, losses) = SyntheticCurve.Clean(100);
        var clean = _rule.Suggest(lrs, losses);
        Assert.True(clean.Index < 60);
        for (int i = 60; i < losses.Length; i++)
            losses[i] = double.NaN;

        var cut = _rule.Suggest(lrs, losses);

        Assert.Equal(clean.Index, cut.Index);
    }

    [Fact]
    public void Mild_noise_after_EMA_smoothing_moves_the_pick_by_at_most_a_quarter_decade()
    {
        var (cleanLrs, cleanLosses) = SyntheticCurve.Run(noise: 0, seed: 0);
        double noiseless = Math.Log10(_rule.Suggest(cleanLrs, cleanLosses).LearningRate!.Value);

        for (int seed = 0; seed < 20; seed++)
        {
            var (lrs, smoothed) = SyntheticCurve.Run(noise: 0.02, seed);
            double pick = Math.Log10(_rule.Suggest(lrs, smoothed).LearningRate!.Value);
            // A quarter decade is 3 ladder steps: the p10-p90 width of log-spaced gradient rules at 2% noise.
            Assert.InRange(pick, noiseless - 0.25, noiseless + 0.25);
        }
    }
}
