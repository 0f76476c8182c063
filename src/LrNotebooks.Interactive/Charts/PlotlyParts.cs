using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CS = Plotly.NET.CSharp;
using FChart = Plotly.NET.Chart;

namespace LrNotebooks.Interactive.Charts;

/// <summary>
/// The few Plotly.NET calls every chart is made of. Keeping them in one place keeps the set of Plotly.NET functions
/// small, which matters because the notebook host runs them against an older FSharp.Core than they were built for.
/// </summary>
internal static class PlotlyParts
{
    public const int Width = 860;
    public const int Height = 460;

    public static GenericChart Line(IReadOnlyList<double> x, IReadOnlyList<double> y, string name, string color,
        double width, double opacity = 1, StyleParam.DrawingStyle? dash = null, bool showLegend = true) =>
        CS.Chart.Line<double, double, string>(
            x: x, y: y, Name: name, ShowLegend: showLegend, Opacity: opacity,
            LineColor: Color.fromString(color), LineWidth: width,
            LineDash: dash ?? StyleParam.DrawingStyle.Solid, UseDefaults: false)
        .WithTraceProperty("x", Finite(x))
        .WithTraceProperty("y", Finite(y));

    public static GenericChart Points(IReadOnlyList<double> x, IReadOnlyList<double> y, string name, string color,
        int size, StyleParam.MarkerSymbol symbol) =>
        CS.Chart.Point<double, double, string>(
            x: x, y: y, Name: name, MarkerColor: Color.fromString(color), MarkerSymbol: symbol, UseDefaults: false)
        .WithMarkerSize(size);

    private static GenericChart WithMarkerSize(this GenericChart chart, int size)
    {
        foreach (var trace in GenericChart.getTraces(chart))
            if (trace.GetPropertyValue("marker") is DynamicObj.DynamicObj marker) marker.SetProperty("size", size);
        return chart;
    }

    private static GenericChart WithTraceProperty(this GenericChart chart, string name, object value)
    {
        foreach (var trace in GenericChart.getTraces(chart)) trace.SetProperty(name, value);
        return chart;
    }

    /// <summary>No hover box for this trace (another trace's hover already tells its values).</summary>
    public static GenericChart WithoutHover(this GenericChart chart) => chart.WithTraceProperty("hoverinfo", "skip");

    /// <summary>Hover text built from per-point values (<c>customdata</c>) with a plotly hovertemplate.</summary>
    public static GenericChart WithHover(this GenericChart chart, IReadOnlyList<double[]> perPoint, string template)
    {
        return chart
            .WithTraceProperty("customdata", perPoint.Select(Finite).ToArray())
            .WithTraceProperty("hovertemplate", template + "<extra></extra>");
    }

    /// <summary>Draws the chart's traces against the right-hand y axis.</summary>
    public static GenericChart OnSecondYAxis(this GenericChart chart) => chart.WithTraceProperty("yaxis", "y2");

    public static GenericChart Combine(IEnumerable<GenericChart> charts) => CS.Chart.Combine(charts);

    public static GenericChart WithAxes(this GenericChart chart, string xTitle, bool logX, string yTitle,
        (double Low, double High)? yRange = null, string? y2Title = null, bool logY2 = false)
    {
        chart = CS.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart,
            TitleText: xTitle, AxisType: logX ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear);
        chart = yRange is { } range
            ? CS.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: yTitle,
                MinMax: Tuple.Create(range.Low, range.High))
            : CS.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: yTitle);
        if (y2Title is not null)
            chart = CS.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: y2Title,
                AxisType: logY2 ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear,
                Side: StyleParam.Side.Right, Overlaying: StyleParam.LinearAxisId.NewY(1),
                ShowGrid: false, Id: StyleParam.SubPlotId.NewYAxis(2));
        return chart;
    }

    /// <summary>Title, size, and the legend above the plot (the default one sits on the right-hand axis' ticks).</summary>
    public static GenericChart WithFrame(this GenericChart chart, string title)
    {
        chart = FChart.withTitle(title, null).Invoke(chart);
        chart = CS.GenericChartExtensions.WithLegendStyle(chart,
            Orientation: StyleParam.Orientation.Horizontal, X: 0.0, Y: -0.18);
        return CS.GenericChartExtensions.WithSize(chart, Width: Width, Height: Height);
    }

    public static GenericChart WithShapes(this GenericChart chart, IReadOnlyCollection<Shape> shapes) =>
        shapes.Count == 0 ? chart : FChart.withShapes(shapes, FSharpOption<bool>.Some(true)).Invoke(chart);

    public static GenericChart WithAnnotations(this GenericChart chart, IReadOnlyCollection<Annotation> annotations) =>
        annotations.Count == 0 ? chart : FChart.withAnnotations(annotations, FSharpOption<bool>.Some(true)).Invoke(chart);

    /// <summary>An arrow label at a data point. On a log x axis plotly wants log10(x) for annotations.</summary>
    public static Annotation Label(double x, double y, string text, string color, bool logX, int ax = 40, int ay = -40, string yref = "y")
    {
        var label = new Annotation();
        label.SetProperty("x", logX ? Math.Log10(x) : x);
        label.SetProperty("y", y);
        label.SetProperty("yref", yref);
        label.SetProperty("text", text);
        label.SetProperty("showarrow", true);
        label.SetProperty("arrowcolor", color);
        label.SetProperty("font", new Dictionary<string, object> { ["color"] = color });
        label.SetProperty("ax", ax);
        label.SetProperty("ay", ay);
        return label;
    }

    /// <summary>A vertical dotted line over the whole plot height (shapes take raw data values, even on log axes).</summary>
    public static Shape VerticalLine(double x, string color)
    {
        var line = FullHeight("line", x, x);
        line.SetProperty("line", new Dictionary<string, object> { ["color"] = color, ["dash"] = "dot", ["width"] = 1 });
        return line;
    }

    /// <summary>A shaded band between two x values over the whole plot height, drawn under the traces.</summary>
    public static Shape Band(double x0, double x1, string fill)
    {
        var band = FullHeight("rect", x0, x1);
        band.SetProperty("fillcolor", fill);
        band.SetProperty("layer", "below");
        band.SetProperty("line", new Dictionary<string, object> { ["width"] = 0 });
        return band;
    }

    private static Shape FullHeight(string type, double x0, double x1)
    {
        var shape = new Shape();
        shape.SetProperty("type", type);
        shape.SetProperty("x0", x0);
        shape.SetProperty("x1", x1);
        shape.SetProperty("yref", "paper");
        shape.SetProperty("y0", 0);
        shape.SetProperty("y1", 1);
        return shape;
    }

    // NaN and infinities are not JSON: plotly shows null as a gap. Five significant digits keep outputs small.
    private static double?[] Finite(IEnumerable<double> values) =>
        values.Select(v => double.IsFinite(v) ? Significant(v) : (double?)null).ToArray();

    private static double Significant(double v) =>
        v == 0 ? 0 : double.Parse(v.ToString("G5", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
