using LrNotebooks.RangeTest;

namespace LrNotebooks.Tests.RangeTest;

public class RangeTestOptionsTests
{
    public static TheoryData<string, RangeTestOptions, string> BadOptions => new()
    {
        { "MinLr", new RangeTestOptions { MinLr = 1, MaxLr = 1 }, "below" },
        { "MinLr", new RangeTestOptions { MinLr = 2, MaxLr = 1 }, "--min-lr" },
        { "MinLr", new RangeTestOptions { MinLr = 0 }, "positive" },
        { "MinLr", new RangeTestOptions { MinLr = -1e-3 }, "positive" },
        { "MinLr", new RangeTestOptions { MinLr = double.NaN }, "finite" },
        { "MaxLr", new RangeTestOptions { MaxLr = double.PositiveInfinity }, "--max-lr" },
        { "Steps", new RangeTestOptions { Steps = 1 }, "at least 2" },
        { "SmoothingBeta", new RangeTestOptions { SmoothingBeta = 1 }, "[0, 1)" },
        { "SmoothingBeta", new RangeTestOptions { SmoothingBeta = -0.1 }, "[0, 1)" },
        { "DivergenceFactor", new RangeTestOptions { DivergenceFactor = 1 }, "above 1" },
        { "DivergenceFactor", new RangeTestOptions { DivergenceFactor = double.NaN }, "above 1" },
        { "AccumulationSteps", new RangeTestOptions { AccumulationSteps = 0 }, "at least 1" },
        { "BatchSize", new RangeTestOptions { BatchSize = 0 }, "--batch-size" },
        { "ValidationEvery", new RangeTestOptions { ValidationEvery = -1 }, "ValidationEvery" },
        { "ValidationBatches", new RangeTestOptions { ValidationBatches = 0 }, "at least 1" },
        { "Mode", new RangeTestOptions { Mode = (LadderMode)7 }, "exp or linear" },
        { "suggest", new RangeTestOptions { Suggest = "nonsense" }, "consensus" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_is_named_with_what_is_expected(string parameter, RangeTestOptions options, string expectedText)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(expectedText, error.Message);
    }

    [Fact]
    public void The_defaults_are_valid_and_match_the_shared_decisions()
    {
        var options = new RangeTestOptions();
        options.Validate();
        Assert.Equal((1e-7, 10.0, 100, LadderMode.Exp, 0.98, 4.0), (options.MinLr, options.MaxLr, options.Steps, options.Mode, options.SmoothingBeta, options.DivergenceFactor));
    }

    [Fact]
    public void An_infinite_divergence_factor_is_allowed()
    {
        new RangeTestOptions { DivergenceFactor = double.PositiveInfinity }.Validate();
    }
}
