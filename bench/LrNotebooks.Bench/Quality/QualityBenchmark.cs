using System.Diagnostics;
using System.Text.Json;
using LrNotebooks.Bench.Measurement;
using LrNotebooks.RangeTest;
using LrNotebooks.Suggestions;
using LrNotebooks.Tasks;
using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Quality;

/// <summary>
/// How good each suggestion rule's LR is: for every built-in task and seed, a log-spaced grid of max LRs is trained
/// with One Cycle for a fixed budget; the best final validation loss is the oracle. Each rule's pick from a range
/// test (default options, same seed) is trained the same way; regret = its loss / oracle's − 1.
/// </summary>
internal static class QualityBenchmark
{
    /// <param name="ValidationCurve">Also record the range test's validation loss per step and let the rules read it.</param>
    public sealed record Plan(int[] Seeds, double GridLow, double GridHigh, int GridPointsPerDecade, int TrainSteps, double[] NoiseLevels, bool ValidationCurve = false)
    {
        public double[] Grid
        {
            get
            {
                double low = Math.Log10(GridLow), high = Math.Log10(GridHigh);
                int count = (int)Math.Round((high - low) * GridPointsPerDecade) + 1;
                return Enumerable.Range(0, count).Select(i => Math.Pow(10, low + i / (double)GridPointsPerDecade)).ToArray();
            }
        }
    }

    public static Plan Full { get; } = new([0, 1, 2, 3, 4], 1e-4, 3.2, 4, 300, [0, 0.1, 0.2]);
    public static Plan Quick { get; } = new([0], 1e-4, 3.2, 3, 100, [0, 0.2]);

    public static void Run(BenchSettings settings)
    {
        var plan = settings.QuickMode ? Quick : Full;
        if (settings.Seeds is int seeds) plan = plan with { Seeds = Enumerable.Range(0, seeds).ToArray() };
        if (settings.TrainSteps is int steps) plan = plan with { TrainSteps = steps };
        if (settings.NoiseLevels is { } levels) plan = plan with { NoiseLevels = levels };
        if (settings.ValidationCurve) plan = plan with { ValidationCurve = true };
        var chosen = settings.Tasks is { } names ? names.Select(BuiltInTasks.Get).ToList() : BuiltInTasks.All.ToList();
        var tasks = plan.NoiseLevels.SelectMany(share => share == 0
            ? chosen
            : chosen.OfType<TensorTask>().Select(BuiltInTask (t) => new NoisyTask(t, share))).ToList();
        var rules = SuggestionRules.All.Concat(CandidateRules.All).ToList();
        set_num_threads(1);   // small models: one thread is as fast, and leaves the other core to the rest of the machine
        var training = new OneCycleTraining(plan.TrainSteps, settings.BatchOrders ?? 1);
        var clock = Stopwatch.StartNew();
        var records = new List<QualityRecord>();
        foreach (var task in tasks)
            foreach (int seed in plan.Seeds)
            {
                records.Add(Measure(task, seed, plan, rules, training) with { TargetNoise = (task as NoisyTask)?.Share ?? 0 });
                Console.Error.WriteLine($"[quality] {task.Name} seed {seed} done, {training.Trainings} trainings, {clock.Elapsed.TotalMinutes:0.0} min");
            }

        Directory.CreateDirectory(settings.ResultsDirectory);
        string rawPath = Path.Combine(settings.ResultsDirectory, $"quality{(settings.QuickMode ? "-quick" : "")}-{plan.TrainSteps}steps"
            + $"{(training.Orders > 1 ? $"-{training.Orders}orders" : "")}{(plan.ValidationCurve ? "-valcurve" : "")}.json");
        File.WriteAllText(rawPath, JsonSerializer.Serialize(records, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        QualityReport.Print(records, records[0].Picks.Select(p => p.Rule).ToList(), plan, training, clock.Elapsed, rawPath);
    }

    /// <summary>
    /// The curves the rules read: the engine's (the leading steps with a finite smoothed training loss), and with
    /// a validation curve also the validation loss of every step, as measured ("/val") and smoothed like the
    /// training loss ("/val-ema"). The validation set is the one the final loss is scored on.
    /// </summary>
    private static IEnumerable<(string Suffix, double[] Lrs, double[] Losses)> RuleCurves(RangeTestResult rangeTest)
    {
        yield return Leading("", rangeTest.LearningRates, rangeTest.SmoothedLosses);
        if (rangeTest.ValidationLosses is not { } validation) yield break;
        yield return Leading("/val", rangeTest.LearningRates, validation);
        yield return Leading("/val-ema", rangeTest.LearningRates, EmaSmoother.Smooth(validation.TakeWhile(double.IsFinite), rangeTest.Options.SmoothingBeta));

        static (string, double[], double[]) Leading(string suffix, double[] lrs, IEnumerable<double> losses)
        {
            double[] finite = losses.Take(lrs.Length).TakeWhile(double.IsFinite).ToArray();
            return (suffix, lrs.Take(finite.Length).ToArray(), finite);
        }
    }

    private static QualityRecord Measure(BuiltInTask task, int seed, Plan plan, List<ISuggestionRule> rules, OneCycleTraining training)
    {
        double[] grid = plan.Grid;
        double[] gridLosses = grid.Select(lr => training.FinalValidationLoss(task, seed, lr)).ToArray();
        double oracle = gridLosses.Min();
        double untrained = training.UntrainedValidationLoss(task, seed);
        // The same LR again with batch orders the grid did not use: how much of a regret is the measurement's own noise.
        double retrained = training.FinalValidationLoss(task, seed, grid[Array.IndexOf(gridLosses, oracle)], firstOrder: training.Orders);

        RangeTestResult rangeTest;
        using (var instance = task.Create(seed))
            rangeTest = LrFinder.Run(instance.Model, instance.Train, instance.Loss, OptimizerChoice.Fresh(OptimizerKind.AdamW),
                new RangeTestOptions { Seed = seed, ValidationEvery = plan.ValidationCurve ? 1 : 0 },
                plan.ValidationCurve ? instance.Validation : null);

        var picks = new List<RulePick>();
        foreach (var (suffix, lrs, losses) in RuleCurves(rangeTest))
            foreach (var rule in rules.Where(r => suffix == "" || r is not LightningRule))
            {
                var suggestion = rule.Suggest(lrs, losses);
                double lr = suggestion.LearningRate ?? double.NaN;
                double loss = double.IsNaN(lr) ? double.PositiveInfinity : training.FinalValidationLoss(task, seed, lr);
                picks.Add(new RulePick(rule.Name + suffix, lr, loss, loss / oracle - 1, (loss - oracle) / (untrained - oracle), suggestion.LowConfidence));
            }
        return new QualityRecord(task.Name, seed, untrained, grid, gridLosses, rangeTest.LearningRates, rangeTest.SmoothedLosses, rangeTest.StopReason.ToString(), picks)
            { OracleRetrainedLoss = retrained };
    }
}
