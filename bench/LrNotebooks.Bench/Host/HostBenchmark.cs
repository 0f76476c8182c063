using System.Diagnostics;
using LrNotebooks.Bench.Measurement;
using LrNotebooks.NotebookRunner.Hosting;
using LrNotebooks.NotebookRunner.Packages;

namespace LrNotebooks.Bench.Host;

/// <summary>
/// In the real notebook host (`dotnet interactive stdio`, through the runner's stdio client): time to load the
/// extension, time from submitting `#!lrfind` (default task) to its chart, cold (first in the kernel) and warm, and
/// the kernel's resident memory across repeated `#!lrfind` runs. Needs the packages in artifacts/packages (run.sh packs).
/// </summary>
internal static class HostBenchmark
{
    // Working set, live managed bytes (what survived the full GC: the heap size would add free space, which swings by
    // a few MB from cell to cell) and loaded assemblies (each compiled submission is one); a string is returned as text/plain.
    private const string RssCell =
        "GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect(); "
        + "$\"{System.Diagnostics.Process.GetCurrentProcess().WorkingSet64} {GC.GetGCMemoryInfo(GCKind.FullBlocking).PromotedBytes} {AppDomain.CurrentDomain.GetAssemblies().Length}\"";

    public static void Run(BenchSettings settings) => RunAsync(settings).GetAwaiter().GetResult();

    private static async Task RunAsync(BenchSettings settings)
    {
        var feed = new LocalPackageFeed(Path.Combine(settings.RepoRoot, "artifacts", "packages"));
        if (feed.MissingPackagesMessage() is { } missing) throw new InvalidOperationException(missing);
        feed.ClearCachedCopies();   // a re-packed 0.1.0 would otherwise never be picked up

        var clock = Stopwatch.StartNew();
        await using var kernel = await StdioKernelClient.StartAsync(settings.RepoRoot);
        double startSeconds = clock.Elapsed.TotalSeconds;
        string version = feed.Packages.Single(p => p.Id == LocalPackageFeed.ExtensionPackageId).Version;
        var (load, loadSeconds) = await TimedAsync(kernel, $"""
            #r "nuget: TorchSharp-cpu, 0.107.0"
            #i "nuget: {feed.Directory}"
            #r "nuget: {LocalPackageFeed.ExtensionPackageId}, {version}"
            """);
        if (!load.Succeeded) throw new InvalidOperationException($"Loading the extension failed: {load.FailureMessage}");

        var (_, coldSeconds) = await LrFindAsync(kernel);
        int warmRuns = settings.QuickMode ? 3 : 10;
        var warm = new List<double>();
        for (int i = 0; i < warmRuns; i++) warm.Add((await LrFindAsync(kernel)).Seconds);

        Console.WriteLine("## In the real notebook host (dotnet interactive stdio 1.0.712001, the runner's stdio client)");
        Console.WriteLine();
        Console.WriteLine("| measure | seconds |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| host start (until kernel ready) | {startSeconds:0.00} |");
        Console.WriteLine($"| load cell: `#r TorchSharp-cpu`, `#i` feed, `#r LrNotebooks.Interactive` (restore + extension load) | {loadSeconds:0.00} |");
        Console.WriteLine($"| `#!lrfind` to chart, cold (first in the kernel) | {coldSeconds:0.00} |");
        Console.WriteLine($"| `#!lrfind` to chart, warm (median of {warmRuns}) | {Stats.Median(warm):0.00} (min {warm.Min():0.00}, max {warm.Max():0.00}) |");
        Console.WriteLine();
        // The host runs the server GC, whose heap grows over roughly the first 100 `#!lrfind` runs and then levels off
        // (bench/RESULTS.md): a slope over a shorter series measures that warm-up, not what each run keeps.
        int seriesRuns = settings.QuickMode ? 20 : 300;
        int settledFrom = settings.QuickMode ? 10 : 100;
        // Read from outside (/proc/<kernel pid>/status), so only `#!lrfind` cells run in the kernel: a measuring C#
        // cell would itself be compiled and kept by the script state.
        int kernelPid = ProcessMemory.LargestDescendant();
        ReportSeries($"Kernel resident memory after each of {seriesRuns} more `#!lrfind` runs, read from outside the kernel "
            + "process (no other cell, no GC forced), MB",
            await OutsideSeriesAsync(kernelPid, seriesRuns, () => LrFindAsync(kernel)), settledFrom);
        // Controls: `#!lrfind` stores its result with CSharpKernel.SetValueAsync, which `#!set` uses too; a plain
        // C# cell is one compiled submission.
        ReportSeries($"Control: {seriesRuns} `#!set --name lrnbProbe --value 42` cells (the host's variable setting only), outside, MB",
            await OutsideSeriesAsync(kernelPid, seriesRuns, () => SucceedAsync(kernel, "#!set --name lrnbProbe --value 42")), settledFrom);
        ReportSeries($"Control: {seriesRuns} C# cells `var lrnbProbe2 = 42;`, outside, MB",
            await OutsideSeriesAsync(kernelPid, seriesRuns, () => SucceedAsync(kernel, "var lrnbProbe2 = 42;")), settledFrom);

        var inside = new List<KernelMemory>();
        var outsideWithCell = new List<double>();
        for (int i = 0; i < seriesRuns; i++)
        {
            await LrFindAsync(kernel);
            inside.Add(await KernelMemoryAsync(kernel));
            outsideWithCell.Add(ProcessMemory.ResidentBytes(kernelPid) / 1048576.0);
        }
        ReportSeries($"Then {seriesRuns} runs each followed by a C# cell that forces a GC and returns the working set, as read by "
            + "that cell, MB", inside.Select(m => m.WorkingSetMb).ToList(), settledFrom);
        ReportSeries("The same runs, read from outside right after the measuring cell, MB", outsideWithCell, settledFrom);
        ReportSeries("The same runs, live managed memory after the GC, MB", inside.Select(m => m.HeapMb).ToList(), settledFrom);
        ReportSeries("The same runs, loaded assemblies", inside.Select(m => (double)m.Assemblies).ToList(), settledFrom, "assemblies");
    }

    private static async Task<List<double>> OutsideSeriesAsync(int pid, int runs, Func<Task> cell)
    {
        var rss = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            await cell();
            rss.Add(ProcessMemory.ResidentBytes(pid) / 1048576.0);
        }
        return rss;
    }

    private static async Task SucceedAsync(StdioKernelClient kernel, string code)
    {
        var result = await kernel.SubmitCodeAsync(code);
        if (!result.Succeeded) throw new InvalidOperationException($"`{code}` failed: {result.FailureMessage}");
    }

    /// <summary>One series' summary; values are MB (slope in KB/run) unless <paramref name="unit"/> names a count.</summary>
    private static void ReportSeries(string title, List<double> rss, int settledFrom, string? unit = null)
    {
        double slope = Stats.Slope(rss.Skip(settledFrom).ToList());
        string slopeText = unit is null ? $"{slope * 1024:0.0} KB/run" : $"{slope:0.00} {unit}/run";
        Console.WriteLine($"{title}: run 1 {rss[0]:0.0}, run {settledFrom} {rss[settledFrom - 1]:0.0}, run {rss.Count} {rss[^1]:0.0}; "
            + $"min {rss.Min():0.0}, max {rss.Max():0.0}; slope after run {settledFrom}: {slopeText}.");
        Console.WriteLine();
        Console.WriteLine($"<!-- series: {string.Join(' ', rss.Select(v => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} -->");
        Console.WriteLine();
    }

    /// <summary>`#!lrfind` on the default task; seconds from submitting to the event that carries its chart.</summary>
    private static async Task<(SubmissionResult Result, double Seconds)> LrFindAsync(StdioKernelClient kernel)
    {
        var clock = Stopwatch.StartNew();
        double? chartAt = null;
        var result = await kernel.SubmitCodeAsync("#!lrfind", onEvent: e =>
        {
            if (chartAt is null && e.FormattedValues.Any(v => v.MimeType == "text/html" && v.Value.Contains("lrnb-chart")))
                chartAt = clock.Elapsed.TotalSeconds;
        });
        if (!result.Succeeded) throw new InvalidOperationException($"#!lrfind failed: {result.FailureMessage}");
        return (result, chartAt ?? throw new InvalidOperationException("#!lrfind produced no chart (no lrnb-chart div)."));
    }

    private static async Task<(SubmissionResult Result, double Seconds)> TimedAsync(StdioKernelClient kernel, string code)
    {
        var clock = Stopwatch.StartNew();
        var result = await kernel.SubmitCodeAsync(code);
        return (result, clock.Elapsed.TotalSeconds);
    }

    private sealed record KernelMemory(double WorkingSetMb, double HeapMb, int Assemblies);

    private static async Task<KernelMemory> KernelMemoryAsync(StdioKernelClient kernel)
    {
        var result = await kernel.SubmitCodeAsync(RssCell);
        string[] fields = result.OfType(KernelEventTypes.ReturnValueProduced).Single()
            .FormattedValues.Single(v => v.MimeType == "text/plain").Value.Split(' ');
        return new(long.Parse(fields[0]) / 1048576.0, long.Parse(fields[1]) / 1048576.0, int.Parse(fields[2]));
    }
}
