using LrNotebooks.EndToEnd.Tests.Infrastructure;
using LrNotebooks.NotebookRunner.Hosting;

namespace LrNotebooks.EndToEnd.Tests.Host;

/// <summary>#!onecycle in the real host: the schedule from the last range test, and training under it.</summary>
[Collection(RealHostCollection.Name)]
public class OneCycleTests(RealHost host)
{
    [Fact]
    public async Task Max_lr_auto_takes_the_last_range_tests_suggestion()
    {
        await host.RunOkAsync("#!lrfind --steps 50 --name ocFind");

        var result = await host.RunOkAsync("#!onecycle --max-lr auto --steps 200 --name ocAuto");

        Assert.Single(Outputs.ChartHtml(result));
        Assert.Equal("True", await host.EvaluateAsync("(ocAuto.MaxLr == ocFind.SuggestedLr).ToString()"));
        Assert.Equal("200", await host.EvaluateAsync("ocAuto.LearningRates.Length.ToString()"));
        Assert.Equal("True", await host.EvaluateAsync("(ocAuto.LearningRates.Max() == ocAuto.MaxLr).ToString()"));
    }

    [Fact]
    public async Task Train_on_a_csharp_model_changes_it_and_shows_the_live_chart_and_the_result()
    {
        await host.RunOkAsync(CSharpSnippets.ModelAndData("oc"));

        var result = await host.RunOkAsync("#!onecycle --max-lr 1e-2 --steps 60 --train --model ocModel --data ocData --batch-size 32 --name ocTrained");

        Assert.Contains("Training (live)", Outputs.LastChartUpdate(result));   // redrawn while it trained
        Assert.Contains(Outputs.FinalHtml(result), h => h.Contains("onecycle: trained"));
        var charts = Assert.Single(Outputs.ChartHtml(result));                  // then the result: schedule + training
        Assert.Equal(2, Outputs.ChartCount(charts));
        Assert.Equal("True", await host.EvaluateAsync(CSharpSnippets.WeightsChanged("oc")));
        Assert.Equal("60", await host.EvaluateAsync("ocTrained.Training!.Losses.Length.ToString()"));
        Assert.Equal("True", await host.EvaluateAsync(
            "ocTrained.Training!.Losses.Where(double.IsFinite).TakeLast(10).Average() < ocTrained.Training!.Losses.Take(10).Average() ? \"True\" : \"False\""));
    }
}
