namespace LrNotebooks.Schedules;

/// <summary>Learning rate and momentum as a pure function of the step, per parameter group.</summary>
public interface ISchedule
{
    int TotalSteps { get; }
    /// <summary>Hyper-parameters for training step <paramref name="step"/> (0-based) of parameter group <paramref name="group"/>.</summary>
    HyperParameters At(int step, int group = 0);
}

/// <param name="Momentum">SGD momentum or Adam beta1; null when the schedule leaves momentum alone.</param>
public readonly record struct HyperParameters(double LearningRate, double? Momentum);
