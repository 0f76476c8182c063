using LrNotebooks.Schedules;

namespace LrNotebooks.Interactive.Directives;

/// <summary>One learning rate for every step, momentum left alone: the baseline of <c>--compare-constant</c>.</summary>
internal sealed class ConstantSchedule(double learningRate, int totalSteps) : ISchedule
{
    public int TotalSteps => totalSteps;
    public HyperParameters At(int step, int group = 0) => new(learningRate, null);
}
