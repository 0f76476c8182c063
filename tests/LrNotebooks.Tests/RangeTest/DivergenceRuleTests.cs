using LrNotebooks.RangeTest;

namespace LrNotebooks.Tests.RangeTest;

public class DivergenceRuleTests
{
    [Fact]
    public void Positive_losses_use_factor_times_best()
    {
        var rule = new DivergenceRule(4);
        Assert.False(rule.Diverged(2));
        Assert.False(rule.Diverged(1));   // best = 1
        Assert.False(rule.Diverged(4));   // not above 4 x 1
        Assert.True(rule.Diverged(4.001));
    }

    [Fact]
    public void Negative_losses_do_not_stop_at_once_and_rise_is_measured_against_their_magnitude()
    {
        var rule = new DivergenceRule(4);
        Assert.False(rule.Diverged(-1)); // 4 x −1 = −4 would fire here with the plain ratio
        Assert.False(rule.Diverged(-2)); // best −2, magnitude max(2, 1) = 2: limit −2 + 3·2 = 4
        Assert.False(rule.Diverged(3.9));
        Assert.True(rule.Diverged(4.1));
    }

    [Fact]
    public void A_best_of_zero_uses_the_first_loss_as_the_magnitude()
    {
        var rule = new DivergenceRule(4);
        Assert.False(rule.Diverged(0.5));
        Assert.False(rule.Diverged(0));   // magnitude 0.5: limit 0 + 3·0.5 = 1.5
        Assert.False(rule.Diverged(1.4));
        Assert.True(rule.Diverged(1.6));
    }

    [Fact]
    public void A_loss_that_is_zero_from_the_start_never_diverges_by_the_factor()
    {
        var rule = new DivergenceRule(4);
        Assert.False(rule.Diverged(0));
        Assert.False(rule.Diverged(1e6));
    }

    [Fact]
    public void An_infinite_factor_disables_the_rule()
    {
        var rule = new DivergenceRule(double.PositiveInfinity);
        Assert.False(rule.Diverged(1));
        Assert.False(rule.Diverged(1e300));
    }
}
