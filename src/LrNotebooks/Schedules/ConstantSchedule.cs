namespace LrNotebooks.Schedules;

/// <summary>A constant learning rate per parameter group for a number of steps; momentum is left alone.</summary>
public sealed class ConstantSchedule : ISchedule
{
    private readonly double[] _learningRates;

    /// <param name="learningRates">One per parameter group, or a single one for every group.</param>
    public ConstantSchedule(int totalSteps, params double[] learningRates)
    {
        OptionChecks.AtLeastOne(totalSteps, "TotalSteps", "The total number of steps");
        OptionChecks.PositiveFinite(learningRates, "LearningRates", "The learning rate");
        TotalSteps = totalSteps;
        _learningRates = [.. learningRates];
    }

    public int TotalSteps { get; }
    public int GroupCount => _learningRates.Length;
    public IReadOnlyList<double> LearningRates => _learningRates;

    public HyperParameters At(int step, int group = 0)
    {
        OptionChecks.StepInRange(step, TotalSteps);
        OptionChecks.GroupInRange(group, GroupCount);
        return new HyperParameters(_learningRates[group], null);
    }
}
