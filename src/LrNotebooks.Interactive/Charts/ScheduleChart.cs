using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace LrNotebooks.Interactive.Charts;

/// <summary>
/// A One Cycle schedule per step: learning rate on the left axis, momentum (or beta1) on the right, phase boundaries
/// dotted, and the initial, peak and final learning rates annotated. Several tables (cosine and linear) overlay.
/// </summary>
public static class ScheduleChart
{
    private static readonly string[] LrColors = ["#1f77b4", "#ff7f0e"];
    private static readonly string[] MomentumColors = ["#aec7e8", "#ffbb78"];

    public static GenericChart Build(OneCycleResult result)
    {
        var shown = Thinning.Indices(result.TotalSteps);
        var steps = shown.Steps();
        var traces = new List<GenericChart>();
        for (var i = 0; i < result.Schedules.Count; i++)
        {
            var table = result.Schedules[i];
            var anneal = OneCycleResult.Name(table.Anneal);
            var lrs = table.LearningRates.Pick(shown);
            var momenta = table.Momenta.Pick(shown);
            // step and lr are the point's x and y: only the momentum travels as per-point hover data
            var hover = momenta.Select(m => new[] { m }).ToArray();
            const string template = "step %{x}<br>lr %{y:.3e}<br>momentum %{customdata[0]:.4f}";
            traces.Add(PlotlyParts.Line(steps, lrs, $"lr ({anneal})", LrColors[i % LrColors.Length], 2.5)
                .WithHover(hover, template));
            if (momenta.Any(double.IsFinite))
                traces.Add(PlotlyParts.Line(steps, momenta, $"momentum / beta1 ({anneal})", MomentumColors[i % MomentumColors.Length], 2,
                        dash: StyleParam.DrawingStyle.Dash)
                    .WithoutHover()
                    .OnSecondYAxis());
        }

        var first = result.Schedules[0].LearningRates;
        var peak = Array.IndexOf(first, first.Max());
        var labels = new List<Annotation>
        {
            PlotlyParts.Label(0, first[0], $"initial {Format.Lr(first[0])}", "#444444", logX: false, ax: 30, ay: -30),
            PlotlyParts.Label(peak, first[peak], $"peak {Format.Lr(first[peak])}", "#444444", logX: false, ax: 30, ay: 20),
            PlotlyParts.Label(first.Length - 1, first[^1], $"final {Format.Lr(first[^1])}", "#444444", logX: false, ax: -40, ay: -30),
        };
        var shapes = result.Shape.PhaseEnds.Select(x => PlotlyParts.VerticalLine(x, "#7f7f7f")).ToList();

        var hasMomentum = traces.Count > result.Schedules.Count;
        return PlotlyParts.Combine(traces)
            .WithAxes("step", logX: false, "learning rate", y2Title: hasMomentum ? "momentum / beta1" : null)
            .WithShapes(shapes)
            .WithAnnotations(labels)
            .WithFrame($"One Cycle schedule{(result.Preset == "fastai" ? " (fastai)" : "")}: max lr {Format.Lr(result.MaxLr)}, {result.TotalSteps} steps");
    }
}
