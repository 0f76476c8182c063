using LrNotebooks.Interactive.Charts;
using LrNotebooks.RangeTest;
using LrNotebooks.Training;
using Microsoft.DotNet.Interactive.Formatting;

namespace LrNotebooks.Interactive.Formatting;

/// <summary>
/// text/html (chart plus summary table) and text/plain (summary) for our result types, so returning <c>lrfind</c> or
/// <c>onecycle</c> from a cell renders it. The HTML is built here, never through a GenericChart formatter (which another
/// extension, e.g. Plotly.NET.Interactive, may have replaced).
/// </summary>
public static class ResultFormatters
{
    public static void Register()
    {
        Register<RangeTestResult>(r => [RangeTestChart.Build(r)], Summaries.Of);
        Register<OneCycleResult>(OneCycleCharts, Summaries.Of);
        Register<TrainingResult>(r => [TrainingChart.Build(r)], Summaries.Of);
        Formatter.Register<LiveHtml>((live, writer) => writer.Write(live.Html), HtmlFormatter.MimeType);
    }

    public static string Html(RangeTestResult result) => Html(RangeTestChart.Build(result).Yield(), Summaries.Of(result));

    public static string Html(OneCycleResult result) => Html(OneCycleCharts(result), Summaries.Of(result));

    private static IEnumerable<Plotly.NET.GenericChart> OneCycleCharts(OneCycleResult r)
    {
        yield return ScheduleChart.Build(r);
        if (r.Training is { } run) yield return TrainingChart.Build(run, r.ConstantTraining, r.ConstantLr);
    }

    private static void Register<T>(Func<T, IEnumerable<Plotly.NET.GenericChart>> charts, Func<T, Summary> summary)
    {
        Formatter.Register<T>((value, writer) => writer.Write(Html(charts(value), summary(value))), HtmlFormatter.MimeType);
        Formatter.Register<T>((value, writer) => writer.Write(summary(value).ToText()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(T), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }

    private static string Html(IEnumerable<Plotly.NET.GenericChart> charts, Summary summary) =>
        "<div class=\"lrnb-result\">" + string.Concat(charts.Select(ChartHtml.Render)) + summary.ToHtml() + "</div>";

    private static IEnumerable<T> Yield<T>(this T item) { yield return item; }
}

/// <summary>HTML shown in a display that is updated in place (a live chart); its formatter writes it as is.</summary>
public sealed record LiveHtml(string Html);
