using System.Diagnostics;
using System.Text.Json;
using LrNotebooks.RangeTest;
using LrNotebooks.Schedules;
using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>Trains a model for a number of steps, applying a schedule before every optimizer step.</summary>
/// <remarks>
/// Uses the same training step as the range test. The run ends early at the first NaN/Inf loss (that step
/// does not update the weights) or on cancellation, which returns the steps that ran
/// (<see cref="StopReason.Cancelled"/>) rather than throwing. Unlike the range test, training changes the
/// model and optimizer on purpose, and nothing is restored.
/// </remarks>
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
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedule);
        options ??= new TrainingOptions();
        int steps = options.Validate(schedule);

        var clock = Stopwatch.StartNew();
        var (trainingOrder, validationOrder) = RunRandomness.Seed(options.Seed);
        using var trainingOrderLifetime = trainingOrder;
        using var validationOrderLifetime = validationOrder;
        using var subset = validation is null ? null : ValidationSubset.Take(validation, options.ValidationBatches, validationOrder);
        using var batches = data.Batches(trainingOrder).GetEnumerator();
        using var step = new TrainingStep(model, loss, optimizer, options.AccumulationSteps);
        var smoother = new EmaSmoother(options.SmoothingBeta);
        var record = new TrainingRecord(steps);
        model.train();
        for (int i = 0; i < steps; i++)
        {
            if (cancellationToken.IsCancellationRequested) return record.Finish(StopReason.Cancelled, clock.Elapsed);
            ScheduleApplier.Apply(schedule, optimizer, i);
            double lr = OptimizerGroups.LearningRate(optimizer), momentum = OptimizerGroups.Momentum(optimizer);
            double raw = step.Run(batches);
            if (!double.IsFinite(raw))
            {
                record.Add(lr, momentum, raw, double.NaN);
                progress?.Report(new TrainingProgress(i, steps, lr, raw, double.NaN, null));
                return record.Finish(StopReason.NonFiniteLoss, clock.Elapsed);
            }
            double smoothed = smoother.Next(raw);
            record.Add(lr, momentum, raw, smoothed);
            double? validationLoss = null;
            if (subset is not null && ((i + 1) % options.ValidationEvery == 0 || i == steps - 1))
            {
                validationLoss = step.Validate(subset);
                record.AddValidation(i, validationLoss.Value);
            }
            progress?.Report(new TrainingProgress(i, steps, lr, raw, smoothed, validationLoss));
        }
        return record.Finish(StopReason.Completed, clock.Elapsed);
    }
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

    /// <summary>Throws ArgumentException naming the bad option; returns the number of steps to run.</summary>
    public int Validate(ISchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        int steps = Steps ?? schedule.TotalSteps;
        if (steps < 1)
            throw new ArgumentException($"Steps (--steps) must be at least 1; got {steps}.", nameof(Steps));
        if (steps > schedule.TotalSteps)
            throw new ArgumentException($"Steps (--steps) = {steps} runs past the schedule's {schedule.TotalSteps} steps.", nameof(Steps));
        RunOptionChecks.AtLeastOne(AccumulationSteps, nameof(AccumulationSteps));
        RunOptionChecks.AtLeastOne(ValidationEvery, nameof(ValidationEvery));
        RunOptionChecks.AtLeastOne(ValidationBatches, nameof(ValidationBatches));
        RunOptionChecks.SmoothingBeta(SmoothingBeta, nameof(SmoothingBeta));
        return steps;
    }
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

    /// <summary>One row per step: step, lr, momentum, loss, smoothed_loss, validation_loss (empty where not measured).</summary>
    public string ToCsv()
    {
        var validation = Enumerable.Repeat(double.NaN, Losses.Length).ToArray();
        for (int i = 0; i < ValidationSteps.Length; i++) validation[ValidationSteps[i]] = ValidationLosses[i];
        return ResultFormats.Csv(
        [
            ("lr", LearningRates),
            ("momentum", Momenta),
            ("loss", Losses),
            ("smoothed_loss", SmoothedLosses),
            ("validation_loss", validation),
        ]);
    }

    /// <summary>Every series; NaN and Infinity as named literals.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ResultFormats.Json);

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    public static TrainingResult FromJson(string json) =>
        JsonSerializer.Deserialize<TrainingResult>(json, ResultFormats.Json)
        ?? throw new ArgumentException("The JSON holds no training result.", nameof(json));
}
