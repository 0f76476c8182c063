using System.Diagnostics;
using LrNotebooks.Bench.Measurement;
using LrNotebooks.RangeTest;
using LrNotebooks.Tasks;
using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Memory;

/// <summary>
/// Extra peak memory of one range test relative to the model plus its AdamW state (each variant in its own
/// process), and resident memory across repeated range tests in one process (growth would be a leak).
/// </summary>
internal static class MemoryBenchmark
{
    public static void Run(BenchSettings settings)
    {
        Console.WriteLine("## Memory");
        Console.WriteLine();
        PeakPerRun();
        RepeatedRuns(settings.QuickMode ? 10 : 50);
    }

    private static void PeakPerRun()
    {
        var readings = new[] { "hand", "engine", "hand-gc" }.Select(MeasureInChild).ToList();
        long parameters = readings[0].ParameterBytes;
        long modelAndOptimizer = parameters * 3;   // weights + AdamW's exp_avg and exp_avg_sq
        Console.WriteLine($"Peak resident memory of one range test above the resident memory just before it ({Speed.SpeedCase.Wide.Name}, "
            + $"{Speed.SpeedCase.Wide.ParameterCount:N0} parameters = {ProcessMemory.Mb(parameters)}; model + AdamW state = {ProcessMemory.Mb(modelAndOptimizer)}; "
            + "each variant in a fresh process after a warm-up on a tiny model).");
        Console.WriteLine();
        Console.WriteLine("| variant | RSS before | peak RSS during | extra | extra / (model + optimizer state) | extra / parameters |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in readings)
            Console.WriteLine($"| {VariantName(r.Variant)} | {ProcessMemory.Mb(r.BaselineBytes)} | {ProcessMemory.Mb(r.PeakBytes)} | "
                + $"{ProcessMemory.Mb(r.ExtraBytes)} | {(double)r.ExtraBytes / modelAndOptimizer:0.00} | {(double)r.ExtraBytes / parameters:0.00} |");
        Console.WriteLine();
        Console.WriteLine($"LrFinder.Run needs {ProcessMemory.Mb(readings[1].ExtraBytes - readings[0].ExtraBytes)} more than the hand-written loop "
            + $"({(double)(readings[1].ExtraBytes - readings[0].ExtraBytes) / parameters:0.00} x the parameters; its snapshot of the weights is 1 x). "
            + "Collecting garbage after every step shrinks the hand-written loop's extra peak to "
            + $"{ProcessMemory.Mb(readings[2].ExtraBytes)}: the rest is native memory held by tensors that only finalizers free.");
        Console.WriteLine();
    }

    private static string VariantName(string variant) => variant switch
    {
        "engine" => "LrFinder.Run",
        "hand" => "hand-written loop",
        _ => "hand-written loop, GC after each step",
    };

    private static PeakMemoryProbe.Reading MeasureInChild(string variant)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        // Started as `dotnet LrNotebooks.Bench.dll`: the child needs the dll too.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") psi.ArgumentList.Add(typeof(MemoryBenchmark).Assembly.Location);
        foreach (var arg in new[] { "memory-probe", variant }) psi.ArgumentList.Add(arg);
        using var child = Process.Start(psi)!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"memory-probe {variant} failed: {output}");
        return PeakMemoryProbe.FromJson(output.Trim().Split('\n')[^1]);
    }

    /// <summary>The default task's range test, repeated in one process; RSS after each run (garbage collected first).</summary>
    private static void RepeatedRuns(int runs)
    {
        set_num_threads(Math.Min(2, Environment.ProcessorCount));
        using var task = BuiltInTasks.Default.Create(0);
        var rss = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            LrFinder.Run(task.Model, task.Train, task.Loss, OptimizerChoice.Fresh(OptimizerKind.AdamW));
            ProcessMemory.Settle();
            rss.Add(ProcessMemory.ResidentBytes() / 1048576.0);
        }
        int settledFrom = Math.Min(10, runs / 2);
        var settled = rss.Skip(settledFrom).ToList();
        Console.WriteLine($"Resident memory after each of {runs} range tests on the default task in one process (MB): "
            + $"run 1 {rss[0]:0.0}, run {settledFrom} {rss[settledFrom - 1]:0.0}, run {runs} {rss[^1]:0.0}; min {rss.Min():0.0}, max {rss.Max():0.0}; "
            + $"slope after run {settledFrom}: {Stats.Slope(settled) * 1024:0.0} KB/run.");
        Console.WriteLine();
    }
}
