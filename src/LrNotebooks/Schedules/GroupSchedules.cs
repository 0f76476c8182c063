using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Schedules;

/// <summary>
/// One Cycle for an optimizer with discriminative learning rates (a backbone at 1e-4, a head at 1e-3): each
/// parameter group's max LR keeps the group's ratio to group 0, exactly as the range test scales the groups, so
/// a max LR read off a range test (group 0's) carries over to every group.
/// </summary>
public static class GroupSchedules
{
    /// <summary>
    /// <paramref name="schedule"/> with one max LR per group of <paramref name="optimizer"/> (group 0's is the
    /// schedule's own); unchanged when the optimizer has one group, the schedule already has several, or the
    /// schedule is not a One Cycle schedule.
    /// </summary>
    public static ISchedule Proportional(ISchedule schedule, optim.Optimizer optimizer)
    {
        var ratios = new ProportionalGroupRates(optimizer).Ratios;
        if (ratios.Count < 2 || schedule.GroupCount != 1) return schedule;
        return schedule switch
        {
            OneCycleSchedule s => new OneCycleSchedule(s.Options with { MaxLrs = Scaled(s.Options.MaxLrs[0], ratios) }),
            FastaiOneCycleSchedule f => new FastaiOneCycleSchedule(f.Options with { MaxLrs = Scaled(f.Options.MaxLrs[0], ratios) }),
            _ => schedule,
        };
    }

    private static double[] Scaled(double maxLr, IReadOnlyList<double> ratios) => [.. ratios.Select(r => maxLr * r)];
}
