using static TorchSharp.torch;

namespace LrNotebooks.Schedules;

/// <summary>Writes a schedule's values into an optimizer's parameter groups (LR, and momentum or beta1).</summary>
public static class ScheduleApplier
{
    public static void Apply(ISchedule schedule, optim.Optimizer optimizer, int step) => throw new NotImplementedException();
}
