using LrNotebooks.RangeTest;
using LrNotebooks.Suggestions;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace LrNotebooks.Interactive.Charts;

/// <summary>
/// Loss against learning rate: raw loss faint, smoothed loss bold, every rule's suggestion marked and named, the chosen
/// one red and annotated, the divergence point marked, and the band between the rules shaded when they disagree.
/// </summary>
public static class RangeTestChart
{
    private static readonly string[] RuleColors = ["#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22"];
    private const string Chosen = "#d62728";

    public static GenericChart Build(RangeTestResult result)
    {
        var lrs = result.LearningRates;
        var logX = result.Options.Mode == LadderMode.Exp;
        var yRange = ReadableLossRange(result);
        var shown = Thinning.Indices(lrs.Length);
        var hover = shown.Select(i => new[] { i, result.Losses[i], result.SmoothedLosses[i] }).ToArray();
        var x = lrs.Pick(shown);
        const string template = "step %{customdata[0]}<br>lr %{x:.3e}<br>loss %{customdata[1]:.4f}<br>smoothed %{customdata[2]:.4f}";

        var traces = new List<GenericChart>
        {
            PlotlyParts.Line(x, result.Losses.Pick(shown), "loss (raw)", "#7f7f7f", 1, opacity: 0.45).WithoutHover(),
            PlotlyParts.Line(x, result.SmoothedLosses.Pick(shown), "loss (smoothed)", "#1f77b4", 2.5).WithHover(hover, template),
        };
        var labels = new List<Annotation>();
        var shapes = new List<Shape>();

        var marked = result.Suggestions.Where(s => s.HasValue).ToList();
        for (var i = 0; i < marked.Count; i++)
        {
            var s = marked[i];
            var isChosen = s.Rule == result.SuggestionRule;
            var lr = s.LearningRate!.Value;
            var y = Clamp(LossAt(result, s, lr), yRange);
            traces.Add(PlotlyParts.Points([lr], [y], $"{s.Rule}: {Format.Lr(lr)}",
                isChosen ? Chosen : RuleColors[i % RuleColors.Length], isChosen ? 14 : 10,
                isChosen ? StyleParam.MarkerSymbol.Circle : StyleParam.MarkerSymbol.Diamond));
            if (isChosen) labels.Add(PlotlyParts.Label(lr, y, $"suggested lr {Format.Lr(lr)} ({s.Rule})", Chosen, logX));
        }

        if (result.StopStep is int stop && stop < lrs.Length)
        {
            var y = Clamp(result.SmoothedLosses[stop], yRange);
            var why = result.StopReason == StopReason.NonFiniteLoss ? "non-finite loss" : "diverged";
            traces.Add(PlotlyParts.Points([lrs[stop]], [y], $"{why} (step {stop}, lr {Format.Lr(lrs[stop])})",
                "black", 12, StyleParam.MarkerSymbol.X));
        }

        // the band is the consensus's own (the rules it combines; the lightning reference is not one of them)
        if (result.LowConfidence && result.Suggestions.FirstOrDefault(s => s.BandLow is not null && s.BandHigh is not null) is { } consensus)
        {
            var low = consensus.BandLow!.Value;
            var high = consensus.BandHigh!.Value;
            shapes.Add(PlotlyParts.Band(low, high, "rgba(214, 39, 40, 0.10)"));
            labels.Add(PlotlyParts.Label(Math.Sqrt(low * high), 1, "rules disagree: low confidence", Chosen, logX, ax: 0, ay: -12, yref: "paper"));
        }

        var title = double.IsFinite(result.SuggestedLr)
            ? $"LR range test: suggested lr {Format.Lr(result.SuggestedLr)} ({result.SuggestionRule})"
            : "LR range test: no suggestion (see the notes)";
        return PlotlyParts.Combine(traces)
            .WithAxes("learning rate", logX, "loss", yRange)
            .WithShapes(shapes)
            .WithAnnotations(labels)
            .WithFrame(title);
    }

    private static double LossAt(RangeTestResult result, Suggestion s, double lr)
    {
        var index = s.Index is int i && i >= 0 && i < result.SmoothedLosses.Length
            ? i
            : NearestIndex(result.LearningRates, lr);
        return result.SmoothedLosses[index];
    }

    private static int NearestIndex(double[] lrs, double lr) =>
        Enumerable.Range(0, lrs.Length).MinBy(i => Math.Abs(Math.Log(lrs[i]) - Math.Log(lr)));

    /// <summary>
    /// From a little under the lowest loss to a little over the highest smoothed loss seen before the minimum: the
    /// blow-up at the end is clipped so the descent stays readable.
    /// </summary>
    internal static (double Low, double High)? ReadableLossRange(RangeTestResult result)
    {
        var smoothed = result.SmoothedLosses;
        var finite = result.Losses.Concat(smoothed).Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return null;
        var bestIndex = Enumerable.Range(0, smoothed.Length).Where(i => double.IsFinite(smoothed[i]))
            .DefaultIfEmpty(0).MinBy(i => smoothed[i]);
        var rawBeforeBest = result.Losses.Take(bestIndex + 1).Where(double.IsFinite);
        var top = smoothed.Take(bestIndex + 1).Where(double.IsFinite).Concat(rawBeforeBest).DefaultIfEmpty(finite.Max()).Max();
        var bottom = finite.Min();
        var span = top - bottom;
        if (span <= 0) span = Math.Max(Math.Abs(top), 1) * 0.1;
        return (bottom - 0.05 * span, top + 0.15 * span);
    }

    private static double Clamp(double y, (double Low, double High)? range) =>
        range is { } r ? (double.IsFinite(y) ? Math.Clamp(y, r.Low, r.High) : r.High) : y;
}
