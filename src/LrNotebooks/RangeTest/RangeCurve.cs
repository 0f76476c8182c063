namespace LrNotebooks.RangeTest;

/// <summary>What a range test recorded, step by step, and why it ended.</summary>
internal sealed class RangeCurve(int plannedSteps, bool measuresValidation)
{
    public int PlannedSteps { get; } = plannedSteps;
    public List<double> LearningRates { get; } = new(plannedSteps);
    public List<double> Losses { get; } = new(plannedSteps);
    public List<double> SmoothedLosses { get; } = new(plannedSteps);
    /// <summary>Null unless validation mode ran.</summary>
    public List<double>? ValidationLosses { get; } = measuresValidation ? new(plannedSteps) : null;
    public StopReason StopReason { get; private set; }
    public int? StopStep { get; private set; }

    public void Add(double learningRate, double loss, double smoothedLoss, double validationLoss)
    {
        LearningRates.Add(learningRate);
        Losses.Add(loss);
        SmoothedLosses.Add(smoothedLoss);
        ValidationLosses?.Add(validationLoss);
    }

    public RangeCurve Stopped(StopReason reason, int? step)
    {
        (StopReason, StopStep) = (reason, step);
        return this;
    }

    /// <summary>The leading steps whose smoothed loss is finite: what the suggestion rules may look at.</summary>
    public int FiniteCount
    {
        get
        {
            int n = 0;
            while (n < SmoothedLosses.Count && double.IsFinite(SmoothedLosses[n])) n++;
            return n;
        }
    }
}
