using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LrNotebooks.EndToEnd.Tests.Infrastructure;
using LrNotebooks.NotebookRunner.Notebooks;
using LrNotebooks.NotebookRunner.Report;

namespace LrNotebooks.EndToEnd.Tests.Runner;

/// <summary>The HTML report on its own: plotly.js once in the head, outputs as they are, drawn offline in Chromium.</summary>
public class HtmlReportTests(Chromium chromium) : IClassFixture<Chromium>
{
    // A chart output shaped by the chart HTML contract: it draws only when the page already defines window.Plotly.
    private static string ContractChart(string id, int traces)
    {
        var data = string.Join(",", Enumerable.Range(0, traces).Select(i => $"{{x:[1,2,3],y:[{i},{i + 1},{i}],name:'t{i}'}}"));
        return $"<div class=\"lrnb-chart\" id=\"{id}\"></div><script type=\"text/javascript\">" +
               $"if (typeof window.Plotly !== 'undefined') {{ window.Plotly.newPlot('{id}', [{data}], {{}}, {{}}); }}" +
               $" else {{ document.getElementById('{id}').textContent = 'no plotly'; }}</script>";
    }

    private static NotebookDocument NotebookWith(params JsonObject[] cells)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lrnb-report-{Guid.NewGuid():N}.ipynb");
        File.WriteAllText(path, new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)c).ToArray()),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }.ToJsonString());
        return NotebookDocument.Load(path);
    }

    private static JsonObject CodeCell(string source, string html) => new()
    {
        ["cell_type"] = "code",
        ["source"] = source,
        ["metadata"] = new JsonObject(),
        ["outputs"] = new JsonArray(new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = new JsonObject { ["text/html"] = html },
            ["metadata"] = new JsonObject(),
        }),
    };

    [Fact]
    public async Task Plotly_is_embedded_once_and_every_contract_chart_draws_offline()
    {
        var notebook = NotebookWith(
            new JsonObject { ["cell_type"] = "markdown", ["source"] = "# Title\n\nSome *text*.", ["metadata"] = new JsonObject() },
            CodeCell("#!first", ContractChart("lrnb-a", 2)),
            CodeCell("#!second <b>", ContractChart("lrnb-b", 3)));

        var html = HtmlReport.Render(notebook, failure: null);
        var path = Path.Combine(Path.GetTempPath(), $"lrnb-report-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, html);

        Assert.Single(Regex.Matches(html, Regex.Escape("/* plotly.js " + PlotlyJs.Version + " */")));
        Assert.Contains("#!second &lt;b&gt;", html);   // sources are shown as text
        var page = await chromium.OpenOfflineAsync(path);
        Assert.Equal(PlotlyJs.Version, await page.EvaluateAsync<string>("() => window.Plotly.version"));
        Assert.Equal("Title", await page.InnerTextAsync("section.markdown h1"));
        var charts = await DrawnCharts.ReadAsync(page, expectedCharts: 2);
        Assert.Equal(["lrnb-a", "lrnb-b"], charts.Select(c => c.Id));
        Assert.All(charts, c => Assert.True(c.MainSvgCount > 0, $"{c.Id} has no svg.main-svg"));
        Assert.Equal([2, 3], charts.Select(c => c.TraceCount));
    }
}
