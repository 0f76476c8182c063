using LrNotebooks.Bench.Measurement;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Speed;

/// <summary>
/// Overhead of LrFinder.Run against the hand-written loop on the same model, data, batches and optimizer,
/// interleaved, at 1 and 2 threads. Also checks that both really do the same work: their per-step losses must agree.
/// </summary>
internal static class OverheadBenchmark
{
    public const double Target = 1.03;

    public static void Run(BenchSettings settings)
    {
        Console.WriteLine("## Overhead: LrFinder.Run vs a hand-written TorchSharp loop (same steps)");
        Console.WriteLine($"Median wall time of one {SpeedCase.Mlp256.Steps}-step range test over {settings.Repeats} interleaved repeats "
            + $"(after {settings.Warmup} warm-up rounds). Ratio = median(engine) / median(hand). Target <= {Target}.");
        Console.WriteLine();
        Console.WriteLine("| workload | threads | hand ms | LrFinder ms | ratio | + progress ms | ratio | paired ratio (median) | same losses |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var speedCase in new[] { SpeedCase.Mlp256, SpeedCase.SpiralsShape })
            foreach (int threads in settings.ThreadCounts)
                Measure(speedCase, threads, settings);
        Console.WriteLine();
    }

    private static void Measure(SpeedCase speedCase, int threads, BenchSettings settings)
    {
        set_num_threads(threads);
        const int seed = 7;
        using var model = speedCase.NewModel(seed);
        var (x, y) = speedCase.NewData(seed);
        using var reset = new WeightReset(model);
        var ladder = EngineRangeTest.Ladder(speedCase);

        reset.Apply();
        var (handLosses, _) = HandWrittenRangeTest.Run(model, x, y, speedCase.BatchSize, ladder, seed);
        reset.Apply();
        var (check, _) = EngineRangeTest.Run(model, x, y, speedCase, seed);
        string same = SameLosses(handLosses, check.Losses);

        var progress = new LastProgress();
        var times = Interleaved.Run(settings.Warmup, settings.Repeats,
            new Contender("hand", () => { reset.Apply(); return HandWrittenRangeTest.Run(model, x, y, speedCase.BatchSize, ladder, seed).Milliseconds; }),
            new Contender("engine", () => { reset.Apply(); return EngineRangeTest.Run(model, x, y, speedCase, seed).Milliseconds; }),
            new Contender("engine+progress", () => { reset.Apply(); return EngineRangeTest.Run(model, x, y, speedCase, seed, progress).Milliseconds; }));
        x.Dispose();
        y.Dispose();

        double hand = Stats.Median(times["hand"]), engine = Stats.Median(times["engine"]), withProgress = Stats.Median(times["engine+progress"]);
        double paired = Stats.Median(times["engine"].Zip(times["hand"], (e, h) => e / h));
        Console.WriteLine($"| {speedCase.Name} | {threads} | {hand:0.0} | {engine:0.0} | **{engine / hand:0.000}** | {withProgress:0.0} | {withProgress / hand:0.000} | {paired:0.000} | {same} |");
    }

    private static string SameLosses(double[] hand, double[] engine)
    {
        if (hand.Length != engine.Length) return $"no: {engine.Length} engine steps vs {hand.Length}";
        double maxDiff = hand.Zip(engine, (a, b) => Math.Abs(a - b)).Max();
        return maxDiff == 0 ? "yes (bitwise)" : $"max diff {maxDiff:0.0e0}";
    }
}
