using LrNotebooks.Schedules;

namespace LrNotebooks.Tests.Schedules;

public class OneCycleOptionsTests
{
    private static readonly OneCycleOptions Valid = new() { MaxLrs = [1e-3], TotalSteps = 100 };

    public static TheoryData<string, OneCycleOptions> Invalid() => new()
    {
        { "MaxLrs", Valid with { MaxLrs = [] } },
        { "MaxLrs", Valid with { MaxLrs = null! } },
        { "MaxLrs", Valid with { MaxLrs = [1e-3, 0] } },
        { "MaxLrs", Valid with { MaxLrs = [-1] } },
        { "MaxLrs", Valid with { MaxLrs = [double.NaN] } },
        { "MaxLrs", Valid with { MaxLrs = [double.PositiveInfinity] } },
        { "TotalSteps", Valid with { TotalSteps = 0 } },
        { "TotalSteps", Valid with { TotalSteps = -5 } },
        { "PctStart", Valid with { PctStart = -0.1 } },
        { "PctStart", Valid with { PctStart = 1.5 } },
        { "PctStart", Valid with { PctStart = double.NaN } },
        { "PctStart", Valid with { PctStart = 0.6, ThreePhase = true } },
        { "Anneal", Valid with { Anneal = (AnnealStrategy)7 } },
        { "DivFactor", Valid with { DivFactor = 0 } },
        { "DivFactor", Valid with { DivFactor = double.PositiveInfinity } },
        { "FinalDivFactor", Valid with { FinalDivFactor = -1 } },
        { "BaseMomentum", Valid with { BaseMomentum = -0.1 } },
        { "MaxMomentum", Valid with { MaxMomentum = 1.01 } },
        { "BaseMomentum", Valid with { BaseMomentum = 0.96, MaxMomentum = 0.95 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_NamesTheBadOption(string option, OneCycleOptions options)
    {
        var e = Assert.ThrowsAny<ArgumentException>(options.Validate);
        Assert.Equal(option, e.ParamName);
        Assert.Throws(e.GetType(), () => new OneCycleSchedule(options));
    }

    [Fact]
    public void Validate_AcceptsEdgeValues()
    {
        (Valid with { PctStart = 0 }).Validate();
        (Valid with { PctStart = 1 }).Validate();
        (Valid with { PctStart = 0.5, ThreePhase = true }).Validate();
        (Valid with { TotalSteps = 1 }).Validate();
        (Valid with { BaseMomentum = 0.9, MaxMomentum = 0.9 }).Validate();
        (Valid with { BaseMomentum = 2, CycleMomentum = false }).Validate();   // ignored when not cycling
    }

    [Fact]
    public void ForEpochs_MultipliesAndValidates()
    {
        var o = OneCycleOptions.ForEpochs(3, 40, 0.01, 0.1);
        Assert.Equal(120, o.TotalSteps);
        Assert.Equal([0.01, 0.1], o.MaxLrs);
        Assert.Equal("Epochs", Assert.Throws<ArgumentException>(() => OneCycleOptions.ForEpochs(0, 40, 0.1)).ParamName);
        Assert.Equal("StepsPerEpoch", Assert.Throws<ArgumentException>(() => OneCycleOptions.ForEpochs(2, -1, 0.1)).ParamName);
        Assert.Equal("Epochs", Assert.Throws<ArgumentException>(() => OneCycleOptions.ForEpochs(int.MaxValue, 2, 0.1)).ParamName);
    }
}
