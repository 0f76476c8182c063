using LrNotebooks.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Schedules;

public class GroupSchedulesTests
{
    private static optim.Optimizer TwoGroups(double backboneLr, double headLr)
    {
        var backbone = nn.Linear(4, 8);
        var head = nn.Linear(8, 2);
        return optim.AdamW([
            new AdamW.ParamGroup(backbone.parameters(), lr: backboneLr),
            new AdamW.ParamGroup(head.parameters(), lr: headLr),
        ], lr: headLr);
    }

    [Fact]
    public void Each_group_keeps_its_ratio_to_group_0_at_every_step()
    {
        using var optimizer = TwoGroups(1e-4, 1e-3);
        var schedule = GroupSchedules.Proportional(new OneCycleSchedule(1e-2, 50), optimizer);

        Assert.Equal(2, schedule.GroupCount);
        for (int step = 0; step <= 50; step++)
        {
            var backbone = schedule.At(step, 0);
            var head = schedule.At(step, 1);
            Assert.Equal(new OneCycleSchedule(1e-2, 50).At(step).LearningRate, backbone.LearningRate, 15);
            Assert.Equal(10 * backbone.LearningRate, head.LearningRate, 1e-15);
            Assert.Equal(backbone.Momentum, head.Momentum);
        }
    }

    [Fact]
    public void The_fastai_schedule_is_scaled_the_same_way()
    {
        using var optimizer = TwoGroups(2e-4, 1e-4);
        var fastai = OneCycleSchedule.Fastai(40, [3e-3]);
        var schedule = GroupSchedules.Proportional(fastai, optimizer);

        Assert.Equal(2, schedule.GroupCount);
        Assert.Equal(0.5 * schedule.At(10, 0).LearningRate, schedule.At(10, 1).LearningRate, 1e-15);
        Assert.Equal(fastai.At(10).LearningRate, schedule.At(10, 0).LearningRate, 15);
    }

    [Fact]
    public void A_single_group_optimizer_leaves_the_schedule_as_it_is()
    {
        using var model = nn.Linear(4, 2);
        using var optimizer = optim.AdamW(model.parameters(), lr: 1e-3);
        var schedule = new OneCycleSchedule(1e-2, 50);

        Assert.Same(schedule, GroupSchedules.Proportional(schedule, optimizer));
    }
}
