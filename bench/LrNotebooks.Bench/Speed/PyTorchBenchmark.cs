using LrNotebooks.Bench.Measurement;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Speed;

/// <summary>
/// The same range test in TorchSharp (LrFinder.Run) and in PyTorch 1.13 (bench/pytorch_rangetest.py), timed
/// alternately in one run at 1 and 2 threads. Ratio below 1: ours is faster.
/// </summary>
internal static class PyTorchBenchmark
{
    public static void Run(BenchSettings settings)
    {
        Console.WriteLine("## Against PyTorch: the same range test in Python (Debian python3-torch 1.13, private unpack, OpenBLAS pthread)");
        Console.WriteLine($"Median over {settings.Repeats} interleaved repeats after {settings.Warmup} warm-up rounds; each side times itself. "
            + "Ratio = median(LrFinder.Run) / median(PyTorch). PyTorch's OpenMP pool is sized to the thread count, and so is its OpenBLAS pool; "
            + "at more than one thread a second row gives PyTorch its best setting, OpenBLAS at 1 thread (Debian's build loses time in OpenBLAS's "
            + "pthread pool otherwise).");
        Console.WriteLine();
        Console.WriteLine("| workload | threads | PyTorch OpenBLAS threads | PyTorch ms | PyTorch ms/step | LrFinder ms | LrFinder ms/step | ratio | paired ratio (median) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        string? version = null;
        string script = Path.Combine(settings.RepoRoot, "bench", "pytorch_rangetest.py");
        foreach (int threads in settings.ThreadCounts)
            foreach (int openBlasThreads in threads == 1 ? [1] : new[] { threads, 1 })
            {
                using var worker = PyTorchWorker.Start(script, settings.PyTorchRoot, threads, openBlasThreads);
                foreach (var speedCase in new[] { SpeedCase.Mlp256, SpeedCase.SpiralsShape })
                {
                    version = worker.Setup(speedCase);
                    Measure(worker, speedCase, threads, openBlasThreads, settings);
                }
            }
        Console.WriteLine();
        Console.WriteLine($"PyTorch reports version {version}.");
        Console.WriteLine();
    }

    private static void Measure(PyTorchWorker worker, SpeedCase speedCase, int threads, int openBlasThreads, BenchSettings settings)
    {
        set_num_threads(threads);
        const int seed = 7;
        using var model = speedCase.NewModel(seed);
        var (x, y) = speedCase.NewData(seed);
        int pythonSteps = 0, ourSteps = 0;
        var times = Interleaved.Run(settings.Warmup, settings.Repeats,
            new Contender("pytorch", () => { var (ms, steps) = worker.Run(); pythonSteps = steps; return ms; }),
            new Contender("engine", () => { var (result, ms) = EngineRangeTest.Run(model, x, y, speedCase, seed); ourSteps = result.Losses.Length; return ms; }));
        x.Dispose();
        y.Dispose();
        if (pythonSteps != ourSteps)
            Console.WriteLine($"(warning: PyTorch ran {pythonSteps} steps, LrFinder {ourSteps})");
        double py = Stats.Median(times["pytorch"]), ours = Stats.Median(times["engine"]);
        double paired = Stats.Median(times["engine"].Zip(times["pytorch"], (e, p) => e / p));
        Console.WriteLine($"| {speedCase.Name} | {threads} | {openBlasThreads} | {py:0.0} | {py / pythonSteps:0.00} | {ours:0.0} | {ours / ourSteps:0.00} | **{ours / py:0.00}** | {paired:0.00} |");
    }
}
