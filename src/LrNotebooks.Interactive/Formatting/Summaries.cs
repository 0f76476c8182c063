using LrNotebooks.Interactive.Charts;
using LrNotebooks.RangeTest;
using LrNotebooks.Schedules;
using LrNotebooks.Training;

namespace LrNotebooks.Interactive.Formatting;

/// <summary>The facts shown under each result's chart (and as its plain-text form).</summary>
internal static class Summaries
{
    public static Summary Of(RangeTestResult r)
    {
        var o = r.Options;
        var summary = new Summary("LR range test")
            .Add("suggested lr", double.IsFinite(r.SuggestedLr) ? $"{Format.Lr(r.SuggestedLr)} (rule {r.SuggestionRule})" : $"none (rule {r.SuggestionRule})");
        foreach (var s in r.Suggestions)
            summary.Add($"  {s.Rule}", s.HasValue ? Format.Lr(s.LearningRate!.Value) : $"none: {s.FailureReason}");
        if (r.LowConfidence) summary.Add("confidence", "low: the rules disagree by more than half a decade");
        summary
            .Add("steps run", $"{r.Losses.Length} of {o.Steps} ({Describe(r.StopReason, r.StopStep)})")
            .Add("range", $"{Format.Lr(o.MinLr)} to {Format.Lr(o.MaxLr)}, {(o.Mode == LadderMode.Exp ? "exponential" : "linear")}")
            .Add("optimizer", r.OptimizerDescription)
            .Add("batch size", o.BatchSize.ToString())
            .Add("smoothing", $"EMA beta {Format.Number(o.SmoothingBeta)}, stop above {Format.Number(o.DivergenceFactor)}x the best loss")
            .Add("seed", o.Seed?.ToString() ?? "none")
            .Add("time", Format.Seconds(r.Elapsed));
        foreach (var note in r.Notes) summary.Add("note", note);
        return summary;
    }

    public static Summary Of(OneCycleResult r)
    {
        var shape = r.Shape;
        var first = r.LearningRates;
        var summary = new Summary("One Cycle schedule")
            .Add("max lr", $"{Format.Lr(r.MaxLr)} ({r.MaxLrSource})")
            .Add("convention", shape.Preset == "fastai" ? "fastai's fit_one_cycle" : "PyTorch's OneCycleLR")
            .Add("steps", $"{r.TotalSteps}, warm-up {Format.Number(shape.PctStart * 100)}%{(shape.ThreePhase ? ", three phases" : "")}")
            .Add("anneal", string.Join(" and ", r.Schedules.Select(t => OneCycleResult.Name(t.Anneal))))
            .Add("lr initial / peak / final", $"{Format.Lr(first[0])} / {Format.Lr(first.Max())} / {Format.Lr(first[^1])}")
            .Add("div factors", $"initial lr = max lr / {Format.Number(shape.DivFactor)}, final lr = {shape.FinalDivOf} / {Format.Number(shape.FinalDivFactor)}")
            .Add("momentum", shape.Momenta is var (start, middle, end)
                ? $"{Format.Number(start)} -> {Format.Number(middle)} -> {Format.Number(end)}"
                : "not cycled");
        if (r.TrainedOn is not null) summary.Add("trained", r.TrainedOn);
        if (r.Training is { } run) summary.Add("one cycle run", Describe(run));
        if (r.ConstantTraining is { } constant) summary.Add($"constant lr {Format.Lr(r.ConstantLr ?? double.NaN)}", Describe(constant));
        return summary;
    }

    public static Summary Of(TrainingResult run) => new Summary("Training run").Add("result", Describe(run));

    private static string Describe(TrainingResult run)
    {
        var finalLoss = run.SmoothedLosses.Length > 0 ? Format.Loss(run.SmoothedLosses[^1]) : "none";
        var validation = run.ValidationLosses.Length > 0 ? $", final validation loss {Format.Loss(run.ValidationLosses[^1])}" : "";
        return $"{run.Losses.Length} steps, final smoothed loss {finalLoss}{validation}, {Describe(run.StopReason, null)}, {Format.Seconds(run.Elapsed)}";
    }

    private static string Describe(StopReason reason, int? step) => reason switch
    {
        StopReason.Completed => "completed",
        StopReason.Diverged => step is int s ? $"stopped: diverged at step {s}" : "stopped: diverged",
        StopReason.NonFiniteLoss => step is int s ? $"stopped: non-finite loss at step {s}" : "stopped: non-finite loss",
        StopReason.Cancelled => "interrupted",
        _ => reason.ToString(),
    };
}
