using static TorchSharp.torch;

namespace LrNotebooks.Schedules;

/// <summary>
/// Writes a schedule's values into an optimizer's parameter groups: the LR, and momentum (SGD) or beta1
/// (Adam, AdamW; beta2 kept) when the schedule gives one. A one-group schedule applies to every group.
/// An optimizer that has neither momentum nor betas is an error when the schedule cycles momentum (as in
/// PyTorch): silently skipping would train under a different policy than the one previewed.
/// Nothing is written unless every group can take its values.
/// </summary>
public static class ScheduleApplier
{
    public static void Apply(ISchedule schedule, optim.Optimizer optimizer, int step)
    {
        var groups = GroupsOf(optimizer);
        var values = ValuesFor(schedule, groups, step);
        for (int i = 0; i < groups.Count; i++)
        {
            groups[i].LearningRate = values[i].LearningRate;
            if (values[i].Momentum is double momentum) SetMomentum(groups[i], momentum);
        }
    }

    /// <summary>Throws the errors <see cref="Apply"/> would, without touching the optimizer (call it before training).</summary>
    public static void EnsureCompatible(ISchedule schedule, optim.Optimizer optimizer) =>
        ValuesFor(schedule, GroupsOf(optimizer), 0);

    private static List<optim.ILearningRateController> GroupsOf(optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return [.. optimizer.ParamGroups];
    }

    private static HyperParameters[] ValuesFor(ISchedule schedule, List<optim.ILearningRateController> groups, int step)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.GroupCount != 1 && schedule.GroupCount != groups.Count)
            throw new ArgumentException(
                $"The schedule has values for {schedule.GroupCount} parameter groups but the optimizer has {groups.Count}; " +
                "give one max LR per parameter group, or a single one for all.", "optimizer");
        var values = new HyperParameters[groups.Count];
        for (int i = 0; i < groups.Count; i++)
        {
            values[i] = schedule.At(step, schedule.GroupCount == 1 ? 0 : i);
            if (values[i].Momentum is not null && groups[i] is not (optim.IBetas or optim.IMomentum))
                throw new ArgumentException(
                    $"The schedule cycles momentum but parameter group {i} ({groups[i].GetType().Name}) has neither momentum nor betas; " +
                    "use SGD, Adam or AdamW, or turn momentum cycling off (CycleMomentum = false).", "optimizer");
        }
        return values;
    }

    // Betas first, as PyTorch does when an optimizer has both.
    private static void SetMomentum(optim.ILearningRateController group, double momentum)
    {
        switch (group)
        {
            case optim.IBetas b: b.Betas = (momentum, b.Betas.Item2); break;
            case optim.IMomentum m: m.Momentum = momentum; break;
        }
    }
}
