using LrNotebooks.Suggestions;

namespace LrNotebooks.Tests.Suggestions;

/// <summary>Documents Lightning issue #21141: slopes against raw LR drag the pick to the start of the range.</summary>
public class LightningRuleTests
{
    [Fact]
    public void On_noisy_smoothed_curves_it_is_pulled_to_the_smallest_learning_rates_while_steepest_is_not()
    {
        var lightning = new LightningRule();
        var steepest = new SteepestRule();
        for (int seed = 0; seed < 20; seed++)
        {
            var (lrs, smoothed) = SyntheticCurve.Run(noise: 0.02, seed);

            var reference = lightning.Suggest(lrs, smoothed);
            var logSpaced = steepest.Suggest(lrs, smoothed);

            // Picked within a decade of the first point it may pick (of an 8-decade range), far below the real drop...
            double firstAllowed = Math.Log10(lrs[LightningRule.SkipBegin]);
            Assert.InRange(Math.Log10(reference.LearningRate!.Value), firstAllowed, firstAllowed + 1);
            Assert.True(Math.Log10(reference.LearningRate!.Value) < SyntheticCurve.CentreLog10 - 2);
            // ...while the same curve against log10(LR) is picked at the drop (right of it, by the EMA's lag).
            Assert.InRange(Math.Log10(logSpaced.LearningRate!.Value), SyntheticCurve.CentreLog10, SyntheticCurve.CentreLog10 + 1);
        }
    }

    [Fact]
    public void Skips_non_finite_losses_instead_of_cutting_the_curve()
    {
        var (lrs, losses) = SyntheticCurve.Clean(100);
        var clean = new LightningRule().Suggest(lrs, losses);
        int before = clean.Index!.Value - 3;
        losses[before] = double.NaN;

        var pick = new LightningRule().Suggest(lrs, losses);

        Assert.Equal(clean.Index, pick.Index);
    }
}
