using System.Text.RegularExpressions;
using LrNotebooks.Interactive.Charts;
using LrNotebooks.Interactive.Formatting;
using LrNotebooks.RangeTest;
using Microsoft.DotNet.Interactive.Formatting;

namespace LrNotebooks.Interactive.Tests;

public class ChartTests
{
    private static ChartJson RangeChart(RangeTestResult result) => ChartJson.Parse(ChartHtml.Render(RangeTestChart.Build(result), PlotlyMode.Cdn));

    [Fact]
    public void Cdn_output_follows_the_chart_html_contract_and_stays_small()
    {
        var html = ChartHtml.Render(RangeTestChart.Build(Samples.RangeTest()), PlotlyMode.Cdn);

        Assert.Matches("^<div class=\"lrnb-chart\" id=\"lrnb-[0-9a-f]{32}\"></div><script", html);
        Assert.Contains("if (typeof window.Plotly !== 'undefined') { draw(); return; }", html);
        Assert.Contains($"script.src = '{ChartHtml.CdnUrl}'", html);
        Assert.Contains("window.define = undefined", html); // AMD hidden while the CDN copy loads
        Assert.DoesNotContain("Plotly.NET", html);
        Assert.True(html.Length < 50_000, $"chart output is {html.Length} chars");
    }

    [Fact]
    public void Inline_output_carries_plotly_js_once_per_page()
    {
        var html = ChartHtml.Render(RangeTestChart.Build(Samples.RangeTest()), PlotlyMode.Inline);

        Assert.StartsWith("<script type=\"text/javascript\">if (typeof window.Plotly === 'undefined') {", html);
        Assert.True(html.Length > 3_000_000, $"inline output is only {html.Length} chars");
        Assert.Contains("<div class=\"lrnb-chart\" id=\"lrnb-", html);
        Assert.DoesNotContain(ChartHtml.CdnUrl + "'; script.charset", html[..^5000]); // the CDN loader only follows the inlined copy
    }

    [Fact]
    public void Each_chart_gets_its_own_div_id()
    {
        var ids = Enumerable.Range(0, 2).Select(_ => Regex.Match(ChartHtml.Render(RangeTestChart.Build(Samples.RangeTest()), PlotlyMode.Cdn), "id=\"(lrnb-[0-9a-f]+)\"").Groups[1].Value);
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public void Range_test_chart_shows_raw_and_smoothed_loss_on_a_log_axis_with_hover()
    {
        var chart = RangeChart(Samples.RangeTest());

        Assert.Equal("log", chart.Layout.GetProperty("xaxis").GetProperty("type").GetString());
        var raw = chart.Trace("loss (raw)");
        var smoothed = chart.Trace("loss (smoothed)");
        Assert.True(raw.GetProperty("opacity").GetDouble() < 1);
        Assert.True(smoothed.GetProperty("line").GetProperty("width").GetDouble() > raw.GetProperty("line").GetProperty("width").GetDouble());
        foreach (var word in new[] { "step", "lr", "loss", "smoothed" })
            Assert.Contains(word, smoothed.GetProperty("hovertemplate").GetString());
        Assert.Equal(100, smoothed.GetProperty("customdata").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, raw.GetProperty("y")[99].ValueKind); // NaN becomes a gap
    }

    [Fact]
    public void Every_suggestion_is_marked_and_named_and_the_chosen_one_is_red_and_annotated()
    {
        var result = Samples.RangeTest();
        var chart = RangeChart(result);

        foreach (var s in result.Suggestions.Where(s => s.HasValue))
            Assert.Contains(chart.TraceNames, n => n.StartsWith($"{s.Rule}: ", StringComparison.Ordinal));
        Assert.DoesNotContain(chart.TraceNames, n => n.StartsWith("slide", StringComparison.Ordinal));
        Assert.Equal("#d62728", chart.Trace("consensus: ").GetProperty("marker").GetProperty("color").GetString());
        var label = chart.Items("annotations").Single(a => a.GetProperty("text").GetString()!.StartsWith("suggested lr", StringComparison.Ordinal));
        Assert.Contains("1.2e-3", label.GetProperty("text").GetString());
        Assert.Equal(Math.Log10(1.2e-3), label.GetProperty("x").GetDouble(), 6); // log axes place annotations at log10(x)
    }

    [Fact]
    public void Divergence_point_is_marked()
    {
        var chart = RangeChart(Samples.RangeTest());
        var marker = chart.Trace("diverged (step 99");
        Assert.Equal(Samples.RangeTest().LearningRates[99], marker.GetProperty("x")[0].GetDouble(), 12);
    }

    [Fact]
    public void Disagreeing_rules_shade_the_band_between_them()
    {
        var confident = RangeChart(Samples.RangeTest(lowConfidence: false));
        var unsure = RangeChart(Samples.RangeTest(lowConfidence: true));

        Assert.DoesNotContain(confident.Items("shapes"), s => s.GetProperty("type").GetString() == "rect");
        var band = unsure.Items("shapes").Single(s => s.GetProperty("type").GetString() == "rect");
        Assert.Equal(1e-3, band.GetProperty("x0").GetDouble(), 12);
        Assert.Equal(3e-2, band.GetProperty("x1").GetDouble(), 12);
    }

    [Fact]
    public void The_blow_up_is_clipped_so_the_descent_stays_readable()
    {
        var result = Samples.RangeTest();
        var range = RangeChart(result).Layout.GetProperty("yaxis").GetProperty("range");
        var maxLoss = result.SmoothedLosses.Max();
        Assert.True(range[1].GetDouble() < maxLoss / 10, $"upper {range[1]} vs max {maxLoss}");
        Assert.True(range[1].GetDouble() > result.SmoothedLosses[0]);
        Assert.True(range[0].GetDouble() < result.Losses.Where(double.IsFinite).Min());
    }

    [Fact]
    public void Long_runs_are_thinned_so_outputs_stay_small_and_keep_the_last_step()
    {
        var range = ChartHtml.Render(RangeTestChart.Build(Samples.RangeTest(steps: 100_000)), PlotlyMode.Cdn);
        var training = ChartHtml.Render(TrainingChart.Build(Samples.NoisyTraining(20_000, 1, seed: 1), Samples.NoisyTraining(20_000, 1.3, seed: 2), 1e-2), PlotlyMode.Cdn);

        Assert.True(range.Length < 50_000, $"range chart {range.Length} chars");
        Assert.True(training.Length <= 50_000, $"training chart {training.Length} chars");
        var steps = ChartJson.Parse(training).Trace("smoothed loss (one cycle)").GetProperty("x");
        Assert.Equal(Thinning.MaxPoints, steps.GetArrayLength());
        Assert.Equal(19_999, steps[Thinning.MaxPoints - 1].GetDouble());
    }

    [Fact]
    public void A_1000_step_training_chart_with_validation_and_the_constant_run_is_at_most_50_kb_with_the_raw_loss_faint_behind()
    {
        var html = ChartHtml.Render(TrainingChart.Build(Samples.NoisyTraining(1000, 1, seed: 1), Samples.NoisyTraining(1000, 1.3, seed: 2), 1e-2), PlotlyMode.Cdn);
        var chart = ChartJson.Parse(html);

        Assert.True(html.Length <= 50_000, $"training chart {html.Length} chars");
        Assert.Equal(Thinning.MaxPoints, chart.Trace("smoothed loss (one cycle)").GetProperty("x").GetArrayLength());
        var raw = chart.Trace("loss (one cycle)");
        Assert.Equal(Thinning.BackgroundPoints, raw.GetProperty("x").GetArrayLength());
        Assert.Equal(999, raw.GetProperty("x")[Thinning.BackgroundPoints - 1].GetDouble());
        Assert.True(raw.GetProperty("opacity").GetDouble() < 1);
        Assert.Equal(100, chart.Trace("validation loss (constant").GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void Schedule_chart_overlays_both_anneals_with_momentum_on_a_second_axis_and_annotations()
    {
        var result = Samples.OneCycle(both: true, trained: false);
        var chart = ChartJson.Parse(ChartHtml.Render(ScheduleChart.Build(result), PlotlyMode.Cdn));

        Assert.Equal(["lr (cos)", "momentum / beta1 (cos)", "lr (linear)", "momentum / beta1 (linear)"], chart.TraceNames);
        Assert.Equal("y2", chart.Trace("momentum / beta1 (cos)").GetProperty("yaxis").GetString());
        Assert.Equal("right", chart.Layout.GetProperty("yaxis2").GetProperty("side").GetString());
        var texts = chart.Items("annotations").Select(a => a.GetProperty("text").GetString()!).ToList();
        Assert.Contains(texts, t => t.StartsWith("initial ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("peak ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("final ", StringComparison.Ordinal));
        var phaseLine = chart.Items("shapes").Single();
        Assert.Equal(0.3 * 50 - 1, phaseLine.GetProperty("x0").GetDouble(), 9);
    }

    [Fact]
    public void Three_phase_schedules_mark_both_phase_boundaries()
    {
        var options = new LrNotebooks.Schedules.OneCycleOptions { MaxLrs = [1], TotalSteps = 100, PctStart = 0.25, ThreePhase = true };
        Assert.Equal([24.0, 48.0], OneCycleShape.Of(new LrNotebooks.Schedules.OneCycleSchedule(options)).PhaseEnds);
    }

    [Fact]
    public void Training_chart_overlays_the_constant_lr_run()
    {
        var result = Samples.OneCycle(both: false, trained: true);
        var chart = ChartJson.Parse(ChartHtml.Render(TrainingChart.Build(result.Training!, result.ConstantTraining, result.ConstantLr), PlotlyMode.Cdn));

        Assert.Contains("smoothed loss (one cycle)", chart.TraceNames);
        Assert.Contains("smoothed loss (constant lr 1.0e-3)", chart.TraceNames);
        Assert.Equal("y2", chart.Trace("lr (one cycle)").GetProperty("yaxis").GetString());
        Assert.Equal(5, chart.Trace("validation loss (one cycle)").GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void Range_test_formatter_writes_chart_and_summary_as_html_and_the_summary_as_text()
    {
        ResultFormatters.Register();
        var result = Samples.RangeTest(lowConfidence: true);

        var html = result.ToDisplayString(HtmlFormatter.MimeType);
        var text = result.ToDisplayString(PlainTextFormatter.MimeType);

        Assert.Contains("<div class=\"lrnb-chart\"", html);
        Assert.Contains("<table class=\"lrnb-summary\"", html);
        Assert.Contains("1.2e-3 (rule consensus)", html);
        Assert.StartsWith("LR range test", text);
        Assert.Contains("suggested lr", text);
        Assert.Contains("slide", text);
        Assert.Contains("the curve never flattens", text);
        Assert.Contains("low: the rules disagree", text);
        Assert.DoesNotContain("<", text);
    }

    [Fact]
    public void One_cycle_formatter_shows_the_schedule_and_the_training_chart()
    {
        ResultFormatters.Register();
        var html = Samples.OneCycle(both: false, trained: true).ToDisplayString(HtmlFormatter.MimeType);
        var previewHtml = Samples.OneCycle(both: false, trained: false).ToDisplayString(HtmlFormatter.MimeType);

        Assert.Equal(2, Regex.Matches(html, "class=\"lrnb-chart\"").Count);
        Assert.Single(Regex.Matches(previewHtml, "class=\"lrnb-chart\""));
        Assert.Contains("constant lr 1.0e-3", html);
    }

    [Fact]
    public void One_cycle_result_exports_its_table_as_csv()
    {
        var csv = Samples.OneCycle(both: true, trained: false).ToCsv().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("step,lr_cos,momentum_cos,lr_linear,momentum_linear", csv[0]);
        Assert.Equal(51, csv.Length);
    }
}
