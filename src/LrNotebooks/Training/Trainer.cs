using LrNotebooks.Schedules;
using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>Trains a model for a number of steps, applying a schedule before every optimizer step.</summary>
public static class Trainer
{
    public static TrainingResult Train(
        nn.Module<Tensor, Tensor> model,
        TrainingData data,
        LossFunction loss,
        optim.Optimizer optimizer,
        ISchedule schedule,
        TrainingOptions? options = null,
        TrainingData? validation = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default) => throw new NotImplementedException();
}

/// <summary>Settings of a training run. Steps defaults to the schedule's length.</summary>
public sealed record TrainingOptions
{
    public int? Steps { get; init; }
    public int AccumulationSteps { get; init; } = 1;
    /// <summary>Measure the validation loss every this many steps (and after the last) when validation data is given.</summary>
    public int ValidationEvery { get; init; } = 10;
    public int ValidationBatches { get; init; } = 4;
    public double SmoothingBeta { get; init; } = 0.98;
    public int? Seed { get; init; }
}

public sealed record TrainingProgress(int Step, int TotalSteps, double LearningRate, double Loss, double SmoothedLoss, double? ValidationLoss);

/// <summary>Per-step record of a training run.</summary>
public sealed class TrainingResult
{
    public required double[] Losses { get; init; }
    public required double[] SmoothedLosses { get; init; }
    /// <summary>Learning rate of parameter group 0 at each step.</summary>
    public required double[] LearningRates { get; init; }
    /// <summary>Momentum (SGD) or beta1 (Adam, AdamW) of group 0 at each step; NaN where the optimizer has neither.</summary>
    public required double[] Momenta { get; init; }
    /// <summary>Steps at which the validation loss was measured, and the values.</summary>
    public required int[] ValidationSteps { get; init; }
    public required double[] ValidationLosses { get; init; }
    public required RangeTest.StopReason StopReason { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public string ToCsv() => throw new NotImplementedException();
    public string ToJson() => throw new NotImplementedException();
}
