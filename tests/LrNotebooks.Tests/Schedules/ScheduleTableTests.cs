using System.Globalization;
using LrNotebooks.Schedules;

namespace LrNotebooks.Tests.Schedules;

public class ScheduleTableTests
{
    [Fact]
    public void TabulatesTrainingSteps_PerGroup()
    {
        var schedule = new OneCycleSchedule(new OneCycleOptions { MaxLrs = [0.1, 1.0], TotalSteps = 12 });
        var table = schedule.Tabulate();
        Assert.Equal(Enumerable.Range(0, 12), table.Steps);
        Assert.Equal(2, table.LearningRates.Count);
        for (int g = 0; g < 2; g++)
            for (int s = 0; s < 12; s++)
            {
                Assert.Equal(schedule.At(s, g).LearningRate, table.LearningRates[g][s]);
                Assert.Equal(schedule.At(s, g).Momentum, table.Momenta![g][s]);
            }
        Assert.Equal(13, schedule.Tabulate(includeFinalStep: true).Steps.Length);
    }

    [Fact]
    public void Csv_OneGroup_RoundTrips()
    {
        var schedule = new OneCycleSchedule(1e-3, 10);
        var lines = schedule.Tabulate().ToCsv().TrimEnd('\n').Split('\n');
        Assert.Equal("step,lr,momentum", lines[0]);
        Assert.Equal(11, lines.Length);
        var row3 = lines[4].Split(',');
        Assert.Equal(3, int.Parse(row3[0], CultureInfo.InvariantCulture));
        Assert.Equal(schedule.At(3).LearningRate, double.Parse(row3[1], CultureInfo.InvariantCulture));
        Assert.Equal(schedule.At(3).Momentum!.Value, double.Parse(row3[2], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Csv_SeveralGroups_WithoutMomentum()
    {
        var table = new ConstantSchedule(3, 0.1, 0.2).Tabulate();
        Assert.Null(table.Momenta);
        Assert.Equal("step,lr_g0,lr_g1\n0,0.1,0.2\n1,0.1,0.2\n2,0.1,0.2\n", table.ToCsv());
    }
}
