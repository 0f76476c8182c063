using LrNotebooks.RangeTest;
using LrNotebooks.Schedules;
using LrNotebooks.Suggestions;
using LrNotebooks.Training;

namespace LrNotebooks.Interactive.Tests;

/// <summary>Hand-made results, so charts and formatters are tested without running the engine.</summary>
internal static class Samples
{
    /// <summary>A textbook range-test curve: flat, a steep descent around 1e-3, a minimum near 1e-1, then a blow-up.</summary>
    public static RangeTestResult RangeTest(bool lowConfidence = false, int steps = 100)
    {
        var lrs = Enumerable.Range(0, steps).Select(i => 1e-7 * Math.Pow(1e8, i / (double)(steps - 1))).ToArray();
        var smoothed = lrs.Select(lr =>
        {
            var x = Math.Log10(lr);
            return 2.3 - 1.8 / (1 + Math.Exp(-(x + 3) * 2)) + (x > -1 ? Math.Pow(10, 2 * (x + 1)) : 0);
        }).ToArray();
        var raw = smoothed.Select((l, i) => l + 0.05 * Math.Sin(i * 1.7)).ToArray();
        raw[^1] = double.NaN;
        var suggestions = new List<Suggestion>
        {
            new("steepest", 1e-3, IndexOf(lrs, 1e-3), null),
            new("valley", lowConfidence ? 3e-2 : 1.5e-3, IndexOf(lrs, lowConfidence ? 3e-2 : 1.5e-3), null),
            new("minimum", 1e-2, IndexOf(lrs, 1e-2), null),
            new("slide", null, null, "the curve never flattens"),
            new("consensus", 1.2e-3, IndexOf(lrs, 1.2e-3), null)
            {
                BandLow = 1e-3, BandHigh = lowConfidence ? 3e-2 : 1e-2, LowConfidence = lowConfidence,
            },
            // the reference rule sits far below the others, outside the consensus band
            new("lightning", 1e-6, IndexOf(lrs, 1e-6), null),
        };
        return new RangeTestResult
        {
            LearningRates = lrs,
            Losses = raw,
            SmoothedLosses = smoothed,
            StopReason = StopReason.Diverged,
            StopStep = steps - 1,
            Suggestions = suggestions,
            SuggestionRule = "consensus",
            SuggestedLr = 1.2e-3,
            LowConfidence = lowConfidence,
            Notes = ["the loss fell from the first step: consider a smaller --min-lr"],
            Options = new RangeTestOptions { Steps = steps },
            OptimizerDescription = "AdamW (fresh)",
            Elapsed = TimeSpan.FromSeconds(1.5),
        };
    }

    private static int IndexOf(double[] lrs, double lr) =>
        Enumerable.Range(0, lrs.Length).MinBy(i => Math.Abs(Math.Log(lrs[i] / lr)));

    /// <summary>A triangle-ish schedule table, enough to draw (the shape is the engine's business).</summary>
    public static OneCycleTable Table(AnnealStrategy anneal, int steps, double maxLr)
    {
        var lrs = Enumerable.Range(0, steps).Select(s => s < steps * 0.3 ? maxLr * (0.04 + s / (steps * 0.3)) : maxLr * (steps - s) / (steps * 0.7)).ToArray();
        var momenta = lrs.Select(lr => 0.95 - 0.1 * lr / maxLr).ToArray();
        return new OneCycleTable(anneal, lrs, momenta);
    }

    public static OneCycleResult OneCycle(bool both, bool trained)
    {
        var options = new OneCycleOptions { MaxLrs = [1e-3], TotalSteps = 50 };
        var tables = both
            ? new[] { Table(AnnealStrategy.Cos, 50, 1e-3), Table(AnnealStrategy.Linear, 50, 1e-3) }
            : [Table(AnnealStrategy.Cos, 50, 1e-3)];
        return new OneCycleResult
        {
            Schedule = new OneCycleSchedule(options),
            Schedules = tables,
            MaxLrSource = "--max-lr 0.001",
            Training = trained ? Training(50, 1.0) : null,
            ConstantTraining = trained ? Training(50, 1.3) : null,
            ConstantLr = trained ? 1e-3 : null,
            TrainedOn = trained ? "built-in task 'spirals'" : null,
        };
    }

    /// <summary>A run as training gives it: noisy raw losses, their EMA, a One Cycle lr and a validation loss every 10 steps.</summary>
    public static TrainingResult NoisyTraining(int steps, double scale, int seed)
    {
        var random = new Random(seed);
        var losses = Enumerable.Range(0, steps).Select(s => scale * Math.Exp(-s / 300.0) + 0.3 * random.NextDouble()).ToArray();
        var smoothed = new double[steps];
        for (double ema = 0, s = 0; s < steps; s++)
        {
            ema = 0.98 * ema + 0.02 * losses[(int)s];
            smoothed[(int)s] = ema / (1 - Math.Pow(0.98, s + 1));
        }
        var validationSteps = Enumerable.Range(1, steps / 10).Select(k => 10 * k - 1).ToArray();
        var schedule = ScheduleTable.Of(new OneCycleSchedule(1e-2, steps));
        return new TrainingResult
        {
            Losses = losses,
            SmoothedLosses = smoothed,
            LearningRates = schedule.LearningRates[0],
            Momenta = schedule.Momenta![0],
            ValidationSteps = validationSteps,
            ValidationLosses = validationSteps.Select(s => smoothed[s] + 0.05 * random.NextDouble()).ToArray(),
            StopReason = StopReason.Completed,
            Elapsed = TimeSpan.FromSeconds(5),
        };
    }

    public static TrainingResult Training(int steps, double scale)
    {
        var losses = Enumerable.Range(0, steps).Select(s => scale * Math.Exp(-s / 20.0)).ToArray();
        return new TrainingResult
        {
            Losses = losses,
            SmoothedLosses = losses,
            LearningRates = Enumerable.Repeat(1e-3, steps).ToArray(),
            Momenta = Enumerable.Repeat(0.9, steps).ToArray(),
            ValidationSteps = [9, 19, 29, 39, 49],
            ValidationLosses = [0.9, 0.5, 0.3, 0.2, 0.15],
            StopReason = StopReason.Completed,
            Elapsed = TimeSpan.FromSeconds(0.5),
        };
    }
}
