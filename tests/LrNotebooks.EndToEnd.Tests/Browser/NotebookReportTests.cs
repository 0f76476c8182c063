using System.Text.RegularExpressions;
using LrNotebooks.EndToEnd.Tests.Infrastructure;
using LrNotebooks.EndToEnd.Tests.Notebooks;

namespace LrNotebooks.EndToEnd.Tests.Browser;

/// <summary>The runner's HTML report of each walkthrough, opened offline in headless Chromium: plotly really drew every chart.</summary>
[Collection(NotebookCollection.Name)]
public partial class NotebookReportTests(ExecutedNotebooks executed, Chromium chromium)
{
    public static TheoryData<string> Walkthroughs => new(Repo.NotebookFiles);

    [Theory]
    [MemberData(nameof(Walkthroughs))]
    public async Task Every_chart_of_the_report_draws_offline(string notebook)
    {
        var outcome = await executed.ByRunnerAsync(notebook);
        Assert.True(outcome.Succeeded, $"{notebook}: {outcome.Failure}");
        var expected = NotebookExpectations.ExpectedCharts(outcome.Executed);

        var page = await chromium.OpenOfflineAsync(outcome.ReportPath);
        var drawn = await DrawnCharts.ReadAsync(page, expected);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, Path.ChangeExtension(notebook, ".png")), FullPage = true });

        Assert.Equal(expected, drawn.Count);
        Assert.All(drawn, c => Assert.True(c.MainSvgCount > 0, $"{notebook}: chart {c.Id} ({c.Title}) was not drawn"));
        Assert.All(drawn, c => Assert.True(c.TraceCount >= 2, $"{notebook}: chart {c.Title} has {c.TraceCount} traces"));
        foreach (var rangeTest in drawn.Where(c => c.Title?.StartsWith("LR range test: suggested", StringComparison.Ordinal) == true))
        {
            var rule = RuleInTitle().Match(rangeTest.Title!).Groups[1].Value;
            Assert.Contains(rangeTest.TraceNames, n => n.StartsWith(rule + ": ", StringComparison.Ordinal));   // the suggestion marker
        }
        Assert.Contains(drawn, c => c.Title?.StartsWith("LR range test", StringComparison.Ordinal) == true);
    }

    [GeneratedRegex(@"\((\w+)\)\s*$")]
    private static partial Regex RuleInTitle();
}
