using LrNotebooks.RangeTest;

namespace LrNotebooks.Training;

/// <summary>Collects a training run's per-step values into a <see cref="TrainingResult"/>.</summary>
internal sealed class TrainingRecord(int plannedSteps)
{
    private readonly List<double> _losses = new(plannedSteps), _smoothed = new(plannedSteps), _lrs = new(plannedSteps), _momenta = new(plannedSteps);
    private readonly List<int> _validationSteps = [];
    private readonly List<double> _validationLosses = [];

    public void Add(double learningRate, double momentum, double loss, double smoothedLoss)
    {
        _lrs.Add(learningRate);
        _momenta.Add(momentum);
        _losses.Add(loss);
        _smoothed.Add(smoothedLoss);
    }

    public void AddValidation(int step, double loss)
    {
        _validationSteps.Add(step);
        _validationLosses.Add(loss);
    }

    public TrainingResult Finish(StopReason reason, TimeSpan elapsed) => new()
    {
        Losses = [.. _losses],
        SmoothedLosses = [.. _smoothed],
        LearningRates = [.. _lrs],
        Momenta = [.. _momenta],
        ValidationSteps = [.. _validationSteps],
        ValidationLosses = [.. _validationLosses],
        StopReason = reason,
        Elapsed = elapsed,
    };
}
