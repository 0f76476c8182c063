using LrNotebooks.Bench.Measurement;

namespace LrNotebooks.Bench.Quality;

/// <summary>Prints the regret summary per rule, then each (task, seed) in detail.</summary>
internal static class QualityReport
{
    public const double GoalMedianRegret = 0.05;

    public static void Print(List<QualityRecord> records, List<string> rules, QualityBenchmark.Plan plan, OneCycleTraining training, TimeSpan elapsed, string rawPath)
    {
        Console.WriteLine("## Suggestion quality: regret of each rule against the best LR of a grid");
        Console.WriteLine($"{records.Select(r => r.Task).Distinct().Count()} tasks x {plan.Seeds.Length} seed(s); grid of {plan.Grid.Length} max LRs "
            + $"({plan.GridLow:0e0} to {plan.GridHigh:0.0}, {plan.GridPointsPerDecade} per decade); One Cycle (PyTorch defaults), fresh AdamW (wd 0.01), "
            + $"{plan.TrainSteps} steps, batch 64; final loss on the whole validation set"
            + (training.Orders > 1 ? $", the mean of {training.Orders} trainings that differ only in the batch order" : "") + ". Range test: default options (1e-7 to 10, 100 steps), same seed. "
            + (plan.ValidationCurve ? "Rules named rule/val read the range test's validation loss per step, rule/val-ema the same smoothed. " : "")
            + "Regret = loss / oracle - 1 (inf: no suggestion or training diverged). Lost share = (loss - oracle) / (untrained loss - oracle): "
            + "the share of the achievable improvement lost, which stays meaningful where the oracle's loss is near 0 and the ratio explodes on noise. "
            + $"Regimes: target noise {string.Join(", ", plan.NoiseLevels.Select(n => $"{n * 100:0}%"))} (a share of the in-memory tasks' class labels replaced by random ones, "
            + "regression noise of that share of the targets' variance; the tasks as built are solved almost perfectly, real data has a loss floor). "
            + $"{training.Trainings} trainings in {elapsed.TotalMinutes:0.0} min. Raw data: {rawPath}.");
        Console.WriteLine();
        var regimes = records.GroupBy(r => r.TargetNoise).OrderBy(g => g.Key).ToList();
        foreach (var regime in regimes)
        {
            Console.WriteLine(regime.Key == 0 ? "### Tasks as built" : $"### {regime.Key * 100:0}% target noise");
            PrintRuleTable(regime.ToList(), rules);
        }
        if (regimes.Count > 1)
        {
            Console.WriteLine("### All regimes pooled");
            PrintRuleTable(records, rules);
        }
        foreach (string failure in training.Failures) Console.WriteLine($"Training failed (counted as diverged): {failure}");
        if (training.Failures.Count > 0) Console.WriteLine();
        Console.WriteLine("Per task and seed: oracle max LR and loss; each rule's log10(LR) and regret.");
        Console.WriteLine();
        Console.WriteLine($"| task | seed | stop | oracle lr | oracle loss | {string.Join(" | ", rules)} |");
        Console.WriteLine($"|---|---|---|---|---|{string.Concat(rules.Select(_ => "---|"))}");
        foreach (var record in records)
            Console.WriteLine($"| {record.Task} | {record.Seed} | {record.StopReason} | {record.OracleLr:0.0e0} | {record.OracleLoss:0.0000} | "
                + string.Join(" | ", rules.Select(rule => record.Picks.Single(p => p.Rule == rule)).Select(p => $"{Math.Log10(p.LearningRate):0.00}: {Pct(p.Regret)}")) + " |");
        Console.WriteLine();
    }

    /// <summary>One row per rule (median, tail and worst of regret and lost share), then the measurement's resolution.</summary>
    private static void PrintRuleTable(List<QualityRecord> records, List<string> rules)
    {
        Console.WriteLine();
        Console.WriteLine("| rule | median regret | 75th pct | worst regret | worst case | within 5% | median lost share | 75th pct | worst lost share | median log10(lr/oracle lr) | low-confidence flags |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (string rule in rules)
        {
            var picks = records.Select(r => (Record: r, Pick: r.Picks.Single(p => p.Rule == rule))).ToList();
            var regrets = picks.Select(p => p.Pick.Regret).ToList();
            var worst = picks.MaxBy(p => p.Pick.Regret);
            int within = regrets.Count(r => r <= GoalMedianRegret);
            var shares = picks.Select(p => p.Pick.LostShare).ToList();
            double distance = Stats.Median(picks.Select(p => Math.Log10(p.Pick.LearningRate / p.Record.OracleLr)));
            Console.WriteLine($"| {rule} | **{Pct(Stats.Median(regrets))}** | {Pct(Stats.Quantile(regrets, 0.75))} | {Pct(worst.Pick.Regret)} | "
                + $"{worst.Record.Task} seed {worst.Record.Seed} | {within}/{regrets.Count} | **{Pct(Stats.Median(shares))}** | {Pct(Stats.Quantile(shares, 0.75))} | "
                + $"{Pct(shares.Max())} | {distance:+0.00;-0.00} | {picks.Count(p => p.Pick.LowConfidence)}/{picks.Count} |");
        }
        PrintReferenceRow("(reference: the oracle's better grid neighbour, one grid step off)", records.Select(r => r.NeighbourOfOracle).ToList());
        PrintReferenceRow("(reference: the oracle's own LR, retrained with other batch orders: the measurement's noise)", records.Select(r => r.OracleRetrained).ToList());
        Console.WriteLine();
    }

    private static void PrintReferenceRow(string label, List<(double Regret, double LostShare)> outcomes) =>
        Console.WriteLine($"| {label} | {Pct(Stats.Median(outcomes.Select(n => n.Regret)))} | {Pct(Stats.Quantile(outcomes.Select(n => n.Regret), 0.75))} | "
            + $"{Pct(outcomes.Max(n => n.Regret))} | | {outcomes.Count(n => n.Regret <= GoalMedianRegret)}/{outcomes.Count} | "
            + $"{Pct(Stats.Median(outcomes.Select(n => n.LostShare)))} | {Pct(Stats.Quantile(outcomes.Select(n => n.LostShare), 0.75))} | {Pct(outcomes.Max(n => n.LostShare))} | | |");

    private static string Pct(double regret) => double.IsPositiveInfinity(regret) ? "inf" : $"{regret * 100:0.0}%";
}
