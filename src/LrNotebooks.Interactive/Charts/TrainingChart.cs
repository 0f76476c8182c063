using LrNotebooks.Training;
using Plotly.NET;

namespace LrNotebooks.Interactive.Charts;

/// <summary>One training run's loss per step (raw faint, smoothed bold), with its learning rate on the right axis.</summary>
internal sealed record TrainingCurve(
    string Label,
    IReadOnlyList<double> Losses,
    IReadOnlyList<double> SmoothedLosses,
    IReadOnlyList<double> LearningRates,
    IReadOnlyList<int> ValidationSteps,
    IReadOnlyList<double> ValidationLosses)
{
    public static TrainingCurve From(string label, TrainingResult run) =>
        new(label, run.Losses, run.SmoothedLosses, run.LearningRates, run.ValidationSteps, run.ValidationLosses);
}

/// <summary>Loss per training step with the learning rate on a second axis; several runs (One Cycle, constant) overlay.</summary>
public static class TrainingChart
{
    private static readonly string[] Colors = ["#1f77b4", "#ff7f0e", "#2ca02c"];

    public static GenericChart Build(TrainingResult run, TrainingResult? constantRun = null, double? constantLr = null)
    {
        var curves = new List<TrainingCurve> { TrainingCurve.From("one cycle", run) };
        if (constantRun is not null)
            curves.Add(TrainingCurve.From(constantLr is double lr ? $"constant lr {Format.Lr(lr)}" : "constant lr", constantRun));
        return Build(curves, "Training");
    }

    internal static GenericChart Build(IReadOnlyList<TrainingCurve> curves, string title)
    {
        var traces = new List<GenericChart>();
        for (var i = 0; i < curves.Count; i++)
        {
            var curve = curves[i];
            var color = Colors[i % Colors.Length];
            var shown = Thinning.Indices(curve.Losses.Count);
            var behind = Thinning.Indices(curve.Losses.Count, Thinning.BackgroundPoints);
            // step and smoothed loss are the point's x and y: only lr and raw loss travel as per-point hover data
            var hover = shown.Select(i => new[] { curve.LearningRates[i], curve.Losses[i] }).ToArray();
            const string template = "step %{x}<br>lr %{customdata[0]:.3e}<br>loss %{customdata[1]:.4f}<br>smoothed %{y:.4f}";
            traces.Add(PlotlyParts.Line(behind.Steps(), curve.Losses.Pick(behind), $"loss ({curve.Label})", color, 1, opacity: 0.35).WithoutHover());
            traces.Add(PlotlyParts.Line(shown.Steps(), curve.SmoothedLosses.Pick(shown), $"smoothed loss ({curve.Label})", color, 2.5).WithHover(hover, template));
            traces.Add(PlotlyParts.Line(behind.Steps(), curve.LearningRates.Pick(behind), $"lr ({curve.Label})", color, 1, opacity: 0.8,
                dash: StyleParam.DrawingStyle.Dot).WithoutHover().OnSecondYAxis());
            if (curve.ValidationSteps.Count > 0)
            {
                var measured = Thinning.Indices(curve.ValidationSteps.Count, Thinning.BackgroundPoints);
                traces.Add(PlotlyParts.Points(measured.Select(i => (double)curve.ValidationSteps[i]).ToArray(), curve.ValidationLosses.Pick(measured),
                    $"validation loss ({curve.Label})", color, 8, StyleParam.MarkerSymbol.Square));
            }
        }
        return PlotlyParts.Combine(traces)
            .WithAxes("step", logX: false, "loss", y2Title: "learning rate")
            .WithFrame(title);
    }
}
