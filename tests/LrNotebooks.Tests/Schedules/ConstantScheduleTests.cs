using LrNotebooks.Schedules;

namespace LrNotebooks.Tests.Schedules;

public class ConstantScheduleTests
{
    [Fact]
    public void GivesEachGroupItsRate_AndNoMomentum()
    {
        var schedule = new ConstantSchedule(5, 0.1, 0.02);
        Assert.Equal(2, ((ISchedule)schedule).GroupCount);
        for (int s = 0; s <= 5; s++)
        {
            Assert.Equal(new HyperParameters(0.1, null), schedule.At(s, 0));
            Assert.Equal(new HyperParameters(0.02, null), schedule.At(s, 1));
        }
        Assert.Throws<ArgumentOutOfRangeException>("step", () => schedule.At(6));
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Equal("TotalSteps", Assert.Throws<ArgumentException>(() => new ConstantSchedule(0, 0.1)).ParamName);
        Assert.Equal("LearningRates", Assert.Throws<ArgumentException>(() => new ConstantSchedule(5)).ParamName);
        Assert.Equal("LearningRates", Assert.Throws<ArgumentException>(() => new ConstantSchedule(5, double.NaN)).ParamName);
    }
}
