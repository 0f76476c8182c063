using System.Globalization;
using LrNotebooks.RangeTest;
using LrNotebooks.Training;

namespace LrNotebooks.Demo;

/// <summary>Plain-text rendering of a range test and a training run.</summary>
internal static class ConsoleReport
{
    private static string Lr(double lr) => double.IsNaN(lr) ? "none" : lr.ToString("0.00e+0", CultureInfo.InvariantCulture);
    private static string Loss(double loss) => loss.ToString("0.0000", CultureInfo.InvariantCulture);

    public static void RangeTest(RangeTestResult result, int tableRows = 12)
    {
        Console.WriteLine($"  {result.LearningRates.Length} steps, {result.StopReason}, {result.Elapsed.TotalSeconds:0.00} s, optimizer {result.OptimizerDescription}");
        Console.WriteLine("  suggestions:");
        foreach (var s in result.Suggestions)
            Console.WriteLine($"    {s.Rule,-10} {(s.LearningRate is double lr ? Lr(lr) : "- (" + s.FailureReason + ")")}");
        Console.WriteLine($"  chosen ({result.SuggestionRule}): {Lr(result.SuggestedLr)}{(result.LowConfidence ? "  [low confidence: the rules disagree]" : "")}");
        foreach (var note in result.Notes) Console.WriteLine($"  note: {note}");

        Console.WriteLine("  step        lr      loss  smoothed");
        int n = result.LearningRates.Length;
        foreach (int i in Enumerable.Range(0, Math.Min(tableRows, n)).Select(k => n <= tableRows ? k : k * (n - 1) / (tableRows - 1)))
            Console.WriteLine($"  {i,4}  {Lr(result.LearningRates[i]),8}  {Loss(result.Losses[i]),8}  {Loss(result.SmoothedLosses[i]),8}");
    }

    /// <summary>Prints the first step and every step that measured a validation loss (every ~10 steps and the last).</summary>
    public static void TrainingStep(TrainingProgress p)
    {
        if (p.Step != 0 && p.ValidationLoss is null) return;
        string validation = p.ValidationLoss is double v ? $"  validation {Loss(v)}" : "";
        Console.WriteLine($"  step {p.Step,4}/{p.TotalSteps}  lr {Lr(p.LearningRate)}  loss {Loss(p.Loss)}  smoothed {Loss(p.SmoothedLoss)}{validation}");
    }

    public static void Training(TrainingResult result)
    {
        Console.WriteLine($"  {result.Losses.Length} steps, {result.StopReason}, {result.Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine(result.ValidationLosses.Length > 0
            ? $"  final validation loss: {Loss(result.ValidationLosses[^1])} (at step {result.ValidationSteps[^1]})"
            : "  no validation loss was measured");
    }
}
