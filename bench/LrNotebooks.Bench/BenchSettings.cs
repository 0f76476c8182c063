namespace LrNotebooks.Bench;

/// <summary>Command-line settings shared by the benchmarks.</summary>
internal sealed record BenchSettings
{
    public required string RepoRoot { get; init; }
    public bool QuickMode { get; init; }
    public int Repeats { get; init; } = 15;
    public int Warmup { get; init; } = 3;
    public int[] ThreadCounts { get; init; } = [1, 2];
    public string[]? Tasks { get; init; }
    /// <summary>Quality: how many seeds (0..N-1) and how many One Cycle steps per training; null = the plan's.</summary>
    public int? Seeds { get; init; }
    public int? TrainSteps { get; init; }
    /// <summary>Quality: the target-noise regimes (shares, see NoisyTask; 0 = the tasks as built); null = the plan's.</summary>
    public double[]? NoiseLevels { get; init; }
    /// <summary>Quality: trainings per LR, each with another batch order, whose final losses are averaged; null = 1.</summary>
    public int? BatchOrders { get; init; }
    /// <summary>Quality: the range test also measures the validation loss per step, and the rules read that curve too.</summary>
    public bool ValidationCurve { get; init; }
    public required string PyTorchRoot { get; init; }
    public required string ResultsDirectory { get; init; }

    public const string Usage = """
        usage: LrNotebooks.Bench <benchmark>... [options]
          benchmarks: overhead, pytorch, memory, quality, chart, host, scalar-race, all (= every one of them)
          --quick            smoke run: few repeats, a small quality grid, one seed
          --repeats N        timed repeats per contender (default 15; quick 3)
          --warmup N         untimed rounds first (default 3; quick 1)
          --threads 1,2      torch thread counts for the speed benchmarks
          --tasks a,b        quality: only these built-in tasks
          --seeds N          quality: seeds 0..N-1 (default 5; quick 1)
          --train-steps N    quality: One Cycle steps per training (default 300; quick 100)
          --noise 0,0.1,0.2  quality: target-noise regimes (default 0,0.1,0.2; quick 0,0.2): in regime S a share S of
                             the in-memory tasks' class labels is replaced by random ones (regression: noise of
                             S x the targets' variance); the protein tasks run in regime 0 only
          --orders N         quality: trainings per LR with different batch orders, final losses averaged
                             (default 1); the oracle's LR is also retrained with N other orders to show the
                             measurement's own noise
          --val-curve        quality: the range test also records the validation loss at every step; each rule
                             also picks from that curve, raw (rule/val) and smoothed (rule/val-ema)
          --pytorch DIR      where install-pytorch.sh unpacked PyTorch (default bench/.pytorch)
          --results DIR      raw output (default bench/results)
        """;

    public static (List<string> Benchmarks, BenchSettings Settings) Parse(string[] args)
    {
        string root = FindRepoRoot();
        var benchmarks = new List<string>();
        var settings = new BenchSettings
        {
            RepoRoot = root,
            PyTorchRoot = Path.Combine(root, "bench", ".pytorch"),
            ResultsDirectory = Path.Combine(root, "bench", "results"),
        };
        bool repeatsGiven = false, warmupGiven = false;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--quick": settings = settings with { QuickMode = true }; break;
                case "--repeats": settings = settings with { Repeats = int.Parse(Value()) }; repeatsGiven = true; break;
                case "--warmup": settings = settings with { Warmup = int.Parse(Value()) }; warmupGiven = true; break;
                case "--threads": settings = settings with { ThreadCounts = Value().Split(',').Select(int.Parse).ToArray() }; break;
                case "--tasks": settings = settings with { Tasks = Value().Split(',') }; break;
                case "--seeds": settings = settings with { Seeds = int.Parse(Value()) }; break;
                case "--train-steps": settings = settings with { TrainSteps = int.Parse(Value()) }; break;
                case "--noise": settings = settings with { NoiseLevels = Value().Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray() }; break;
                case "--orders": settings = settings with { BatchOrders = int.Parse(Value()) }; break;
                case "--val-curve": settings = settings with { ValidationCurve = true }; break;
                case "--pytorch": settings = settings with { PyTorchRoot = Path.GetFullPath(Value()) }; break;
                case "--results": settings = settings with { ResultsDirectory = Path.GetFullPath(Value()) }; break;
                case var flag when flag.StartsWith("--"): throw new ArgumentException($"Unknown option {flag}.\n{Usage}");
                default: benchmarks.Add(args[i]); break;
            }
        }
        if (settings.QuickMode)
            settings = settings with { Repeats = repeatsGiven ? settings.Repeats : 3, Warmup = warmupGiven ? settings.Warmup : 1 };
        return (benchmarks, settings);
    }

    /// <summary>The folder holding LrNotebooks.sln, from the working directory up.</summary>
    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LrNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository (no LrNotebooks.sln found above the working directory).");
    }
}
