using LrNotebooks.RangeTest;

namespace LrNotebooks.Tests.RangeTest;

public class LrLadderTests
{
    [Theory]
    [InlineData(1e-7, 10, 100)]
    [InlineData(1e-7, 1, 2)]
    [InlineData(3e-5, 0.7, 37)]
    [InlineData(1e-8, 1, 1000)]
    public void Exp_ladder_hits_both_ends_exactly_and_has_a_constant_ratio(double min, double max, int steps)
    {
        var ladder = LrLadder.Build(min, max, steps, LadderMode.Exp);

        Assert.Equal(steps, ladder.Length);
        Assert.Equal(BitConverter.DoubleToInt64Bits(min), BitConverter.DoubleToInt64Bits(ladder[0]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(max), BitConverter.DoubleToInt64Bits(ladder[^1]));
        double ratio = Math.Pow(max / min, 1.0 / (steps - 1));
        for (int k = 1; k < steps; k++) Assert.Equal(ratio, ladder[k] / ladder[k - 1], 1e-9);
    }

    [Theory]
    [InlineData(1e-4, 1, 100)]
    [InlineData(0.1, 0.3, 3)]
    public void Linear_ladder_hits_both_ends_exactly_and_has_equal_gaps(double min, double max, int steps)
    {
        var ladder = LrLadder.Build(min, max, steps, LadderMode.Linear);

        Assert.Equal(BitConverter.DoubleToInt64Bits(min), BitConverter.DoubleToInt64Bits(ladder[0]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(max), BitConverter.DoubleToInt64Bits(ladder[^1]));
        double gap = (max - min) / (steps - 1);
        for (int k = 1; k < steps; k++) Assert.Equal(gap, ladder[k] - ladder[k - 1], 1e-12);
    }

    [Fact]
    public void Exp_ladder_midpoint_is_the_geometric_mean()
    {
        var ladder = LrLadder.Build(1e-6, 1e-2, 5, LadderMode.Exp);
        Assert.Equal(1e-4, ladder[2], 1e-18);
    }

    [Fact]
    public void Fewer_than_two_steps_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LrLadder.Build(1e-3, 1, 1, LadderMode.Exp));
        Assert.Equal("Steps", error.ParamName);
    }
}
