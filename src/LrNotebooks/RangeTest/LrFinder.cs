using System.Diagnostics;
using LrNotebooks.Suggestions;
using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.RangeTest;

/// <summary>The learning-rate range test. The model, optimizer and torch RNG are bitwise as before, whatever happens.</summary>
/// <remarks>
/// <para>Each step sets the next ladder rate on every parameter group, trains on the next batch(es) and records
/// the loss. With several parameter groups of different learning rates (a backbone and a head), group g gets
/// the ladder rate times (its original LR / group 0's original LR), so the recorded LR is group 0's and the
/// groups keep their proportions; if group 0's LR is not positive, every group gets the ladder rate. The run stops
/// when the smoothed loss diverges (<see cref="DivergenceRule"/>), at the first NaN/Inf loss, or on cancellation.</para>
/// <para>Cancellation does not throw: the run ends with <see cref="StopReason.Cancelled"/> and returns the
/// partial curve (with suggestions from the steps that ran), after the same restore as every other ending.
/// Exceptions (in the user's model, loss or data) propagate after the restore.</para>
/// <para>In validation mode the validation loss of a fixed subset is recorded next to the training loss as a
/// second curve; the stop rule and the suggestions use the training loss.</para>
/// </remarks>
public static class LrFinder
{
    public static RangeTestResult Run(
        nn.Module<Tensor, Tensor> model,
        TrainingData data,
        LossFunction loss,
        OptimizerChoice optimizer,
        RangeTestOptions? options = null,
        TrainingData? validation = null,
        IProgress<RangeTestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        options ??= new RangeTestOptions();
        options.Validate();
        if (options.ValidationEvery > 0 && validation is null)
            throw new ArgumentException(
                $"ValidationEvery is {options.ValidationEvery} but no validation data was given: pass validation data, or set ValidationEvery to 0.", "validation");

        var clock = Stopwatch.StartNew();
        var ladder = LrLadder.Build(options);
        var subsetSource = options.ValidationEvery > 0 ? validation : null;
        RangeCurve curve;
        using (var snapshot = TrainingSnapshot.Take(model, optimizer.ExistingOptimizer))
        {
            try
            {
                curve = Climb(model, data, loss, optimizer, options, ladder, subsetSource, progress, cancellationToken);
            }
            finally
            {
                snapshot.Restore();
            }
        }
        return RangeTestReport.Build(curve, options, optimizer.Description, clock.Elapsed,
            validationIgnored: validation is not null && subsetSource is null);
    }

    private static RangeCurve Climb(
        nn.Module<Tensor, Tensor> model, TrainingData data, LossFunction loss, OptimizerChoice choice,
        RangeTestOptions options, double[] ladder, TrainingData? validation,
        IProgress<RangeTestProgress>? progress, CancellationToken cancellationToken)
    {
        var optimizer = choice.Open(model, ladder[0]);
        var (trainingOrder, validationOrder) = RunRandomness.Seed(options.Seed);
        using var trainingOrderLifetime = trainingOrder;
        using var validationOrderLifetime = validationOrder;
        try
        {
            using var subset = validation is null ? null : ValidationSubset.Take(validation, options.ValidationBatches, validationOrder);
            using var batches = data.Batches(trainingOrder).GetEnumerator();
            var rates = new ProportionalGroupRates(optimizer);
            using var step = new TrainingStep(model, loss, optimizer, options.AccumulationSteps);
            var smoother = new EmaSmoother(options.SmoothingBeta);
            var divergence = new DivergenceRule(options.DivergenceFactor);
            var curve = new RangeCurve(ladder.Length, measuresValidation: subset is not null);
            model.train();
            for (int i = 0; i < ladder.Length; i++)
            {
                if (cancellationToken.IsCancellationRequested) return curve.Stopped(StopReason.Cancelled, null);
                rates.Apply(optimizer, ladder[i]);
                double raw = step.Run(batches);
                if (!double.IsFinite(raw))
                {
                    curve.Add(ladder[i], raw, double.NaN, double.NaN);
                    progress?.Report(new RangeTestProgress(i, ladder.Length, ladder[i], raw, double.NaN));
                    return curve.Stopped(StopReason.NonFiniteLoss, i);
                }
                double smoothed = smoother.Next(raw);
                bool validationDue = subset is not null && ((i + 1) % options.ValidationEvery == 0 || i == ladder.Length - 1);
                curve.Add(ladder[i], raw, smoothed, validationDue ? step.Validate(subset!) : double.NaN);
                progress?.Report(new RangeTestProgress(i, ladder.Length, ladder[i], raw, smoothed));
                if (divergence.Diverged(smoothed)) return curve.Stopped(StopReason.Diverged, i);
            }
            return curve.Stopped(StopReason.Completed, null);
        }
        finally
        {
            if (choice.IsFresh) optimizer.Dispose();
        }
    }
}
