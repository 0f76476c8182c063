using LrNotebooks.Bench;
using LrNotebooks.Bench.Measurement;
using LrNotebooks.Bench.Memory;
using LrNotebooks.Bench.Quality;
using LrNotebooks.Bench.Speed;

// A child process of the memory benchmark: one measurement, printed as JSON.
if (args is ["memory-probe", var variant])
{
    Console.WriteLine(PeakMemoryProbe.ToJson(PeakMemoryProbe.Measure(variant)));
    return 0;
}

if (args.Contains("--help"))
{
    Console.WriteLine(BenchSettings.Usage);
    return 0;
}

var (benchmarks, settings) = BenchSettings.Parse(args);
var known = new Dictionary<string, Action<BenchSettings>>
{
    ["overhead"] = OverheadBenchmark.Run,
    ["pytorch"] = PyTorchBenchmark.Run,
    ["memory"] = MemoryBenchmark.Run,
    ["quality"] = QualityBenchmark.Run,
    ["chart"] = LrNotebooks.Bench.Charts.ChartSizeBenchmark.Run,
    ["host"] = LrNotebooks.Bench.Host.HostBenchmark.Run,
    ["scalar-race"] = LrNotebooks.Bench.Robustness.ScalarRaceBenchmark.Run,
};
if (benchmarks is [] or ["all"]) benchmarks = [.. known.Keys];
if (benchmarks.FirstOrDefault(b => !known.ContainsKey(b)) is { } unknown)
{
    Console.Error.WriteLine($"Unknown benchmark '{unknown}'.\n{BenchSettings.Usage}");
    return 2;
}

Console.WriteLine($"# LrNotebooks benchmarks{(settings.QuickMode ? " (quick smoke run)" : "")}");
Console.WriteLine();
Console.WriteLine($"Machine: {Machine.Describe()}");
Console.WriteLine($"Command: bench/run.sh {string.Join(' ', args)}");
Console.WriteLine();
foreach (var name in benchmarks) known[name](settings);
return 0;
