using System.Text.RegularExpressions;
using LrNotebooks.NotebookRunner.Hosting;
using LrNotebooks.NotebookRunner.Notebooks;

namespace LrNotebooks.EndToEnd.Tests.Infrastructure;

/// <summary>What a cell finally shows, read the way the runner saves it (updated displays in their final state).</summary>
public static partial class Outputs
{
    public static IReadOnlyList<string> FinalHtml(SubmissionResult result) =>
        JupyterOutputs.From(result, executionCount: 1)
            .Select(o => o["data"]?["text/html"]?.GetValue<string>())
            .OfType<string>()
            .ToList();

    public static IReadOnlyList<string> FinalText(SubmissionResult result) =>
        JupyterOutputs.From(result, executionCount: 1)
            .Select(o => o["data"]?["text/plain"]?.GetValue<string>() ?? o["text"]?.GetValue<string>())
            .OfType<string>()
            .ToList();

    /// <summary>The last in-place update that carried a chart (a live chart while it was running).</summary>
    public static string? LastChartUpdate(SubmissionResult result) =>
        result.OfType(KernelEventTypes.DisplayedValueUpdated)
            .SelectMany(e => e.FormattedValues)
            .Where(v => v.MimeType == "text/html" && ChartCount(v.Value) > 0)
            .Select(v => v.Value)
            .LastOrDefault();

    /// <summary>How many chart outputs (div.lrnb-chart, the chart HTML contract) a piece of HTML holds.</summary>
    public static int ChartCount(string html) => ChartDiv().Matches(html).Count;

    public static IReadOnlyList<string> ChartHtml(SubmissionResult result) =>
        FinalHtml(result).Where(h => ChartCount(h) > 0).ToList();

    [GeneratedRegex("<div class=\"lrnb-chart\" id=\"lrnb-[^\"]+\"")]
    private static partial Regex ChartDiv();
}
