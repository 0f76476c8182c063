using LrNotebooks.EndToEnd.Tests.Infrastructure;

namespace LrNotebooks.EndToEnd.Tests.Host;

/// <summary>
/// Every chart type the extension ships, made in the real host (where Plotly.NET runs on the host's FSharp.Core) and
/// drawn by plotly.js in headless Chromium, offline.
/// </summary>
[Collection(RealHostCollection.Name)]
public class ChartGalleryTests(RealHost host, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Every_chart_type_draws_with_the_expected_traces()
    {
        var find = await host.RunOkAsync("#!lrfind --steps 60 --name galFind");
        var schedule = await host.RunOkAsync("#!onecycle --max-lr 1e-3 --anneal both --steps 120 --name galSchedule");
        var train = await host.RunOkAsync("#!onecycle --max-lr auto --train --compare-constant --steps 60 --name galTrain");
        var findValue = await host.RunOkAsync("galFind");                  // the formatters, when a cell returns a result
        var trainingValue = await host.RunOkAsync("galTrain.Training");

        var rangeTraces = int.Parse(await host.EvaluateAsync(
            "(2 + galFind.Suggestions.Count(s => s.HasValue) + (galFind.StopStep is int s && s < galFind.LearningRates.Length ? 1 : 0)).ToString()"));
        var scheduleTraces = int.Parse(await host.EvaluateAsync(
            "galSchedule.Schedules.Sum(t => 1 + (t.Momenta.Any(double.IsFinite) ? 1 : 0)).ToString()"));
        var trainedScheduleTraces = int.Parse(await host.EvaluateAsync(
            "galTrain.Schedules.Sum(t => 1 + (t.Momenta.Any(double.IsFinite) ? 1 : 0)).ToString()"));
        var trainingTraces = int.Parse(await host.EvaluateAsync(
            "new[] { galTrain.Training, galTrain.ConstantTraining }.Sum(r => 3 + (r!.ValidationSteps.Length > 0 ? 1 : 0)).ToString()"));
        var oneRunTraces = int.Parse(await host.EvaluateAsync("(3 + (galTrain.Training!.ValidationSteps.Length > 0 ? 1 : 0)).ToString()"));
        var chosenMarker = await host.EvaluateAsync("galFind.SuggestionRule") + ": ";

        // (chart outputs in page order, expected traces of each chart in them)
        var outputs = new List<(string Html, int[] Traces)>
        {
            (Assert.Single(Outputs.ChartHtml(find)), [rangeTraces]),
            (Assert.Single(Outputs.ChartHtml(schedule)), [scheduleTraces]),
        };
        outputs.Add((Assert.Single(Outputs.ChartHtml(train)), [trainedScheduleTraces, trainingTraces]));  // schedule + both runs
        outputs.Add((Assert.Single(Outputs.ChartHtml(findValue)), [rangeTraces]));
        outputs.Add((Assert.Single(Outputs.ChartHtml(trainingValue)), [oneRunTraces]));
        Assert.All(outputs, o => Assert.Equal(o.Traces.Length, Outputs.ChartCount(o.Html)));
        // the live chart as last redrawn while training: one or both runs so far, depending on the machine's speed
        var live = Outputs.LastChartUpdate(train) ?? throw new Xunit.Sdk.XunitException("no live chart update while training");

        var page = await chromium.OpenOfflineAsync(TestPages.Write("gallery", outputs.Select(o => o.Html).Append(live), definePlotly: true));
        var expected = outputs.SelectMany(o => o.Traces).ToList();
        var drawn = await DrawnCharts.ReadAsync(page, expected.Count + 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "chart-gallery.png"), FullPage = true });

        Assert.Equal(expected.Count + 1, drawn.Count);
        Assert.All(drawn, c => Assert.True(c.MainSvgCount > 0, $"chart {c.Id} ({c.Title}) was not drawn"));
        Assert.Equal(expected, drawn.SkipLast(1).Select(c => c.TraceCount).ToList());
        var liveChart = drawn[^1];
        Assert.StartsWith("Training (live)", liveChart.Title);
        Assert.InRange(liveChart.TraceCount, 3, trainingTraces);   // loss, smoothed loss, lr per run so far (+ validation once measured)
        Assert.Contains(liveChart.TraceNames, n => n.StartsWith("smoothed loss (", StringComparison.Ordinal));
        Assert.Contains(drawn[0].TraceNames, n => n.StartsWith(chosenMarker, StringComparison.Ordinal));
        Assert.StartsWith("LR range test", drawn[0].Title);
        Assert.StartsWith("One Cycle schedule", drawn[1].Title);
    }

    [Fact]
    public async Task An_inline_mode_chart_draws_alone_in_an_offline_page()
    {
        await host.RunOkAsync("#!lrfind --steps 30 --name inlineFind");
        string html;
        await host.RunOkAsync("#!lrnotebooks --plotly inline");
        try
        {
            html = Assert.Single(Outputs.ChartHtml(await host.RunOkAsync("inlineFind")));
        }
        finally
        {
            await host.RunOkAsync("#!lrnotebooks --plotly cdn");   // the host is shared
        }
        Assert.Contains("window.Plotly", html);
        Assert.True(html.Length > 3_000_000, "an inline chart output carries plotly.js");

        var page = await chromium.OpenOfflineAsync(TestPages.Write("inline", [html], definePlotly: false));
        var drawn = Assert.Single(await DrawnCharts.ReadAsync(page, expectedCharts: 1));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "chart-inline.png"), FullPage = true });

        Assert.True(drawn.MainSvgCount > 0, "the inline chart was not drawn offline");
        Assert.Equal("2.28.0", await page.EvaluateAsync<string>("() => window.Plotly.version"));
    }
}
