using System.Text;
using LrNotebooks.Interactive;
using LrNotebooks.Interactive.Charts;
using LrNotebooks.RangeTest;
using LrNotebooks.Schedules;
using LrNotebooks.Tasks;
using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Charts;

/// <summary>Bytes of one chart output in CDN mode (what a notebook stores per chart), against the 50 KB target.</summary>
internal static class ChartSizeBenchmark
{
    public const int TargetBytes = 50 * 1024;

    public static void Run(BenchSettings settings)
    {
        set_num_threads(1);
        using var task = BuiltInTasks.Default.Create(0);
        var rangeTest = LrFinder.Run(task.Model, task.Train, task.Loss, OptimizerChoice.Fresh(OptimizerKind.AdamW), new RangeTestOptions { Seed = 0 });
        using var optimizer = optim.AdamW(task.Model.parameters(), rangeTest.SuggestedLr, weight_decay: 0.01);
        var training = Trainer.Train(task.Model, task.Train, task.Loss, optimizer,
            new OneCycleSchedule(new OneCycleOptions { MaxLrs = [rangeTest.SuggestedLr], TotalSteps = 1000 }),
            new TrainingOptions { Seed = 0 }, task.Validation);

        Console.WriteLine("## Output size of one chart (CDN mode)");
        Console.WriteLine($"UTF-8 bytes of ChartHtml.Render(chart, PlotlyMode.Cdn) on the default task. Target <= {TargetBytes / 1024} KB.");
        Console.WriteLine();
        Console.WriteLine("| chart | points | bytes | KB | within target |");
        Console.WriteLine("|---|---|---|---|---|");
        Row($"range test (default options, {rangeTest.Losses.Length} steps)", rangeTest.Losses.Length, RangeTestChart.Build(rangeTest));
        Row($"training, One Cycle, {training.Losses.Length} steps with validation", training.Losses.Length, TrainingChart.Build(training));
        Console.WriteLine();
    }

    private static void Row(string name, int points, Plotly.NET.GenericChart chart)
    {
        int bytes = Encoding.UTF8.GetByteCount(ChartHtml.Render(chart, PlotlyMode.Cdn));
        Console.WriteLine($"| {name} | {points} | {bytes:N0} | {bytes / 1024.0:0.0} | {(bytes <= TargetBytes ? "yes" : "**no**")} |");
    }
}
