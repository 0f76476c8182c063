using System.Text.Json;
using Microsoft.Playwright;

namespace LrNotebooks.EndToEnd.Tests.Infrastructure;

/// <summary>What plotly.js really drew for one chart output (a div.lrnb-chart) in a browser page.</summary>
public sealed record DrawnChart(string Id, int MainSvgCount, int TraceCount, IReadOnlyList<string> TraceNames, string? Title);

public static class DrawnCharts
{
    /// <summary>Reads every chart div of the page after plotly.js had time to draw them.</summary>
    public static async Task<IReadOnlyList<DrawnChart>> ReadAsync(IPage page, int expectedCharts)
    {
        // newPlot is asynchronous: wait until the expected number of charts has its svg (or time out and report)
        try
        {
            await page.WaitForFunctionAsync(
                "n => document.querySelectorAll('div.lrnb-chart svg.main-svg').length > 0 && " +
                "Array.from(document.querySelectorAll('div.lrnb-chart')).filter(d => d.querySelector('svg.main-svg')).length >= n",
                expectedCharts, new PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            // the assertions below say which charts did not draw
        }
        var json = await page.EvaluateAsync<JsonElement>("""
            () => Array.from(document.querySelectorAll('div.lrnb-chart')).map(d => ({
              id: d.id,
              svgs: d.querySelectorAll('svg.main-svg').length,
              traces: Array.isArray(d.data) ? d.data.length : -1,
              names: Array.isArray(d.data) ? d.data.map(t => t.name || '') : [],
              title: d.layout && d.layout.title ? (d.layout.title.text || String(d.layout.title)) : null
            }))
            """);
        return json.EnumerateArray().Select(c => new DrawnChart(
            c.GetProperty("id").GetString()!,
            c.GetProperty("svgs").GetInt32(),
            c.GetProperty("traces").GetInt32(),
            c.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToList(),
            c.GetProperty("title").ValueKind == JsonValueKind.String ? c.GetProperty("title").GetString() : null)).ToList();
    }
}
