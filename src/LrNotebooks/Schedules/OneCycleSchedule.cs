namespace LrNotebooks.Schedules;

/// <summary>PyTorch's OneCycleLR as a pure function of the step, correct for several parameter groups and at step T.</summary>
public sealed class OneCycleSchedule(OneCycleOptions options) : ISchedule
{
    public OneCycleOptions Options { get; } = options;
    public int TotalSteps => Options.TotalSteps;
    public HyperParameters At(int step, int group = 0) => throw new NotImplementedException();
}
