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
    public sealed record Plan(int[] Seeds, double GridLow, double GridHigh, int GridPointsPerDecade, int TrainSteps, double[] NoiseLevels)
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
        var chosen = settings.Tasks is { } names ? names.Select(BuiltInTasks.Get).ToList() : BuiltInTasks.All.ToList();
        var tasks = plan.NoiseLevels.SelectMany(share => share == 0
            ? chosen
            : chosen.OfType<TensorTask>().Select(BuiltInTask (t) => new NoisyTask(t, share))).ToList();
        var rules = SuggestionRules.All.Concat(CandidateRules.All).ToList();
        set_num_threads(1);   // small models: one thread is as fast, and leaves the other core to the rest of the machine
        var training = new OneCycleTraining(plan.TrainSteps);
        var clock = Stopwatch.StartNew();
        var records = new List<QualityRecord>();
        foreach (var task in tasks)
            foreach (int seed in plan.Seeds)
            {
                records.Add(Measure(task, seed, plan, rules, training) with { TargetNoise = (task as NoisyTask)?.Share ?? 0 });
                Console.Error.WriteLine($"[quality] {task.Name} seed {seed} done, {training.Trainings} trainings, {clock.Elapsed.TotalMinutes:0.0} min");
            }

        Directory.CreateDirectory(settings.ResultsDirectory);
        string rawPath = Path.Combine(settings.ResultsDirectory, $"quality{(settings.QuickMode ? "-quick" : "")}-{plan.TrainSteps}steps.json");
        File.WriteAllText(rawPath, JsonSerializer.Serialize(records, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        QualityReport.Print(records, rules.Select(r => r.Name).ToList(), plan, training, clock.Elapsed, rawPath);
    }

    private static QualityRecord Measure(BuiltInTask task, int seed, Plan plan, List<ISuggestionRule> rules, OneCycleTraining training)
    {
        double[] grid = plan.Grid;
        double[] gridLosses = grid.Select(lr => training.FinalValidationLoss(task, seed, lr)).ToArray();
        double oracle = gridLosses.Min();
        double untrained = training.UntrainedValidationLoss(task, seed);

        RangeTestResult rangeTest;
        using (var instance = task.Create(seed))
            rangeTest = LrFinder.Run(instance.Model, instance.Train, instance.Loss, OptimizerChoice.Fresh(OptimizerKind.AdamW), new RangeTestOptions { Seed = seed });
        // Rules see what the engine's report gives them: the leading steps with a finite smoothed loss.
        int usable = rangeTest.SmoothedLosses.TakeWhile(double.IsFinite).Count();
        double[] lrs = rangeTest.LearningRates.Take(usable).ToArray(), smoothed = rangeTest.SmoothedLosses.Take(usable).ToArray();

        var picks = new List<RulePick>();
        foreach (var rule in rules)
        {
            var suggestion = rule.Suggest(lrs, smoothed);
            double lr = suggestion.LearningRate ?? double.NaN;
            double loss = double.IsNaN(lr) ? double.PositiveInfinity : training.FinalValidationLoss(task, seed, lr);
            picks.Add(new RulePick(rule.Name, lr, loss, loss / oracle - 1, (loss - oracle) / (untrained - oracle), suggestion.LowConfidence));
        }
        return new QualityRecord(task.Name, seed, untrained, grid, gridLosses, rangeTest.LearningRates, rangeTest.SmoothedLosses, rangeTest.StopReason.ToString(), picks);
    }
}
