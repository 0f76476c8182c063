using System.Text;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace LrNotebooks.Interactive.Charts;

/// <summary>
/// The HTML of every chart output (the notebook runner relies on this shape): a
/// <c>&lt;div class="lrnb-chart" id="lrnb-…"&gt;</c> plus a script that draws with <c>window.Plotly</c> when the page has it;
/// otherwise, in CDN mode, it loads plotly.js from the CDN (hiding AMD <c>define</c> meanwhile, because classic Jupyter
/// has require.js) and then draws; in inline mode the output carries the plotly.js embedded in Plotly.NET.dll, evaluated
/// once per page.
/// </summary>
public static partial class ChartHtml
{
    public const string CdnUrl = "https://cdn.plot.ly/plotly-2.28.0.min.js";

    private static readonly Lazy<string> EmbeddedPlotlyJs = new(ReadEmbeddedPlotlyJs);

    public static string Render(GenericChart chart) => Render(chart, ChartSettings.PlotlyMode);

    public static string Render(GenericChart chart, PlotlyMode mode)
    {
        var figure = Figure.From(GenericChart.toChartHTML(chart));
        var id = "lrnb-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder();
        if (mode == PlotlyMode.Inline) html.Append(InlinePlotlyScript());
        html.Append($"<div class=\"lrnb-chart\" id=\"{id}\"></div>");
        html.Append("<script type=\"text/javascript\">(function () {\n");
        html.Append($"var id = '{id}';\nvar data = {figure.Data};\nvar layout = {figure.Layout};\nvar config = {figure.Config};\n");
        html.Append("function draw() { window.Plotly.newPlot(id, data, layout, config); }\n");
        html.Append("if (typeof window.Plotly !== 'undefined') { draw(); return; }\n");
        html.Append(CdnLoader);
        html.Append("})();</script>");
        return html.ToString();
    }

    // One shared promise per page, so several charts waiting for the CDN load plotly.js once.
    private const string CdnLoader =
        "if (!window.__lrnbPlotlyLoading) {\n" +
        "  window.__lrnbPlotlyLoading = new Promise(function (resolve, reject) {\n" +
        "    var savedDefine = window.define; window.define = undefined;\n" +
        "    var script = document.createElement('script');\n" +
        "    script.src = '" + CdnUrl + "'; script.charset = 'utf-8';\n" +
        "    script.onload = function () { window.define = savedDefine; resolve(); };\n" +
        "    script.onerror = function () { window.define = savedDefine; window.__lrnbPlotlyLoading = undefined; reject(); };\n" +
        "    document.head.appendChild(script);\n" +
        "  });\n" +
        "}\n" +
        "window.__lrnbPlotlyLoading.then(draw, function () {\n" +
        "  var div = document.getElementById(id);\n" +
        "  if (div) div.textContent = 'plotly.js could not be loaded from " + CdnUrl + " (offline?). Run #!lrnotebooks --plotly inline and re-run the cell.';\n" +
        "});\n";

    private static string InlinePlotlyScript() =>
        "<script type=\"text/javascript\">if (typeof window.Plotly === 'undefined') {\n" +
        "var __lrnbDefine = window.define; window.define = undefined;\n" +
        EmbeddedPlotlyJs.Value +
        "\nwindow.define = __lrnbDefine; }</script>";

    private static string ReadEmbeddedPlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    /// <summary>The data, layout and config JavaScript literals out of Plotly.NET's chart fragment.</summary>
    private sealed record Figure(string Data, string Layout, string Config)
    {
        public static Figure From(string plotlyFragment)
        {
            var match = FigureParts().Match(plotlyFragment);
            if (!match.Success)
                throw new InvalidOperationException("Plotly.NET's chart HTML has an unexpected shape; LrNotebooks needs an update.");
            return new Figure(match.Groups["data"].Value, match.Groups["layout"].Value, match.Groups["config"].Value);
        }
    }

    [GeneratedRegex(@"var data = (?<data>.*?);\s*var layout = (?<layout>.*?);\s*var config = (?<config>.*?);\s*Plotly\.newPlot\(", RegexOptions.Singleline)]
    private static partial Regex FigureParts();
}
