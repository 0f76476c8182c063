using LrNotebooks.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Schedules;

public class ScheduleApplierTests
{
    private static Parameter P() => new(zeros(2));

    private static SGD TwoGroupSgd() => optim.SGD([new SGD.ParamGroup([P()], 0.5, 0.1), new SGD.ParamGroup([P()], 0.5, 0.1)], 0.5, 0.1);

    private static double[] Lrs(optim.Optimizer o) => [.. o.ParamGroups.Select(g => g.LearningRate)];
    private static double[] Momenta(optim.Optimizer o) => [.. o.ParamGroups.Select(g => ((optim.IMomentum)g).Momentum)];

    [Fact]
    public void WritesEachGroupItsOwnValues()
    {
        using var opt = TwoGroupSgd();
        var schedule = new OneCycleSchedule(new OneCycleOptions { MaxLrs = [0.1, 1.0], TotalSteps = 30 });
        ScheduleApplier.Apply(schedule, opt, 12);
        Assert.Equal([schedule.At(12, 0).LearningRate, schedule.At(12, 1).LearningRate], Lrs(opt));
        Assert.Equal([schedule.At(12, 0).Momentum!.Value, schedule.At(12, 1).Momentum!.Value], Momenta(opt));
    }

    [Fact]
    public void OneGroupSchedule_AppliesToEveryGroup()
    {
        using var opt = TwoGroupSgd();
        var schedule = new OneCycleSchedule(0.3, 30);
        ScheduleApplier.Apply(schedule, opt, 5);
        Assert.Equal([schedule.At(5).LearningRate, schedule.At(5).LearningRate], Lrs(opt));
    }

    [Fact]
    public void GroupCountMismatch_ThrowsAndWritesNothing()
    {
        using var opt = TwoGroupSgd();
        var schedule = new OneCycleSchedule(new OneCycleOptions { MaxLrs = [0.1, 0.2, 0.3], TotalSteps = 30 });
        var e = Assert.Throws<ArgumentException>(() => ScheduleApplier.Apply(schedule, opt, 5));
        Assert.Equal("optimizer", e.ParamName);
        Assert.Contains("3 parameter groups", e.Message);
        Assert.Equal("optimizer", Assert.Throws<ArgumentException>(() => ScheduleApplier.EnsureCompatible(schedule, opt)).ParamName);
        Assert.Equal([0.5, 0.5], Lrs(opt));
        Assert.Equal([0.1, 0.1], Momenta(opt));
    }

    [Fact]
    public void MomentumScheduleOnOptimizerWithoutMomentum_ThrowsAndWritesNothing()
    {
        using var opt = optim.Adagrad([P()], 0.5);
        var e = Assert.Throws<ArgumentException>(() => ScheduleApplier.Apply(new OneCycleSchedule(0.1, 10), opt, 3));
        Assert.Equal("optimizer", e.ParamName);
        Assert.Contains("CycleMomentum", e.Message);
        Assert.Equal([0.5], Lrs(opt));
    }

    [Fact]
    public void ScheduleWithoutMomentum_SetsOnlyTheLearningRate()
    {
        using var adagrad = optim.Adagrad([P()], 0.5);
        ScheduleApplier.Apply(new ConstantSchedule(10, 0.07), adagrad, 3);
        Assert.Equal([0.07], Lrs(adagrad));

        using var sgd = TwoGroupSgd();
        ScheduleApplier.Apply(new OneCycleSchedule(new OneCycleOptions { MaxLrs = [0.2], TotalSteps = 10, CycleMomentum = false }), sgd, 3);
        Assert.Equal([0.1, 0.1], Momenta(sgd));
        Assert.NotEqual(0.5, Lrs(sgd)[0]);
    }

    [Fact]
    public void StepOutOfRange_ThrowsAndWritesNothing()
    {
        using var opt = TwoGroupSgd();
        Assert.Throws<ArgumentOutOfRangeException>("step", () => ScheduleApplier.Apply(new OneCycleSchedule(0.1, 10), opt, 11));
        Assert.Equal([0.5, 0.5], Lrs(opt));
    }
}
