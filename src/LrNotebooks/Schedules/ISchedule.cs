namespace LrNotebooks.Schedules;

/// <summary>Learning rate and momentum as a pure function of the step, per parameter group.</summary>
public interface ISchedule
{
    /// <summary>Training steps the schedule is planned for (T). <see cref="At"/> accepts steps 0..T.</summary>
    int TotalSteps { get; }

    /// <summary>
    /// Parameter groups the schedule has values for. A schedule with one group applies to every group of an
    /// optimizer (like PyTorch's scalar max_lr); otherwise the counts must match.
    /// </summary>
    int GroupCount => 1;

    /// <summary>Hyper-parameters for training step <paramref name="step"/> (0-based) of parameter group <paramref name="group"/>.</summary>
    HyperParameters At(int step, int group = 0);
}

/// <param name="Momentum">SGD momentum or Adam beta1; null when the schedule leaves momentum alone.</param>
public readonly record struct HyperParameters(double LearningRate, double? Momentum);
