using System.Text.RegularExpressions;
using LrNotebooks.EndToEnd.Tests.Infrastructure;
using LrNotebooks.NotebookRunner.Notebooks;

namespace LrNotebooks.EndToEnd.Tests.Notebooks;

/// <summary>What every executed walkthrough must show, cell by cell, whoever executed it.</summary>
public static partial class NotebookExpectations
{
    /// <summary>Chart outputs and summaries a code cell must end with, from its magic command.</summary>
    public static (int Charts, int Summaries) Expected(string source)
    {
        var line = source.TrimStart();
        if (line.StartsWith("#!lrfind", StringComparison.Ordinal)) return (1, 1);
        if (line.StartsWith("#!onecycle", StringComparison.Ordinal)) return (TrainFlag().IsMatch(line) ? 2 : 1, 1);   // + training chart
        return (OwnChart().Count(source), 0);   // a C# cell draws its own Plotly.NET charts through the chart HTML contract
    }

    public static int ExpectedCharts(NotebookDocument notebook) =>
        notebook.Cells.Where(c => c.IsCode).Sum(c => Expected(c.Source).Charts);

    public static void AssertExecutedCleanly(NotebookDocument executed)
    {
        foreach (var cell in executed.Cells.Where(c => c.IsCode))
        {
            var where = $"{executed.Name}, cell {cell.Index + 1} `{cell.Source.Split('\n')[0]}`";
            Assert.True(cell.ExecutionCount is not null, $"{where} did not run");
            var errors = cell.Outputs.Where(o => (string?)o["output_type"] == "error").Select(o => JupyterText.Of(o["evalue"])).ToList();
            Assert.True(errors.Count == 0, $"{where}: error output: {string.Join(" | ", errors)}");
            Assert.DoesNotContain(cell.Outputs, o => (string?)o["name"] == "stderr");
            var html = string.Concat(cell.Outputs.Select(o => JupyterText.Of(o["data"]?["text/html"])));
            var (charts, summaries) = Expected(cell.Source);
            Assert.True(charts == Outputs.ChartCount(html), $"{where}: expected {charts} chart(s), found {Outputs.ChartCount(html)}");
            Assert.True(summaries == Regex.Count(html, "class=\"lrnb-summary\""), $"{where}: expected {summaries} summary table(s)");
        }
    }

    [GeneratedRegex(@"(^|\s)--train(\s|$)")]
    private static partial Regex TrainFlag();

    [GeneratedRegex(@"\bChartHtml\.Render\(")]
    private static partial Regex OwnChart();
}
