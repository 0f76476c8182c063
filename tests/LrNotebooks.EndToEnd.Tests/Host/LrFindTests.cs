using System.Text.RegularExpressions;
using LrNotebooks.EndToEnd.Tests.Infrastructure;
using LrNotebooks.NotebookRunner.Hosting;

namespace LrNotebooks.EndToEnd.Tests.Host;

/// <summary>#!lrfind in the real host: the built-in task, and a model and data defined in C# cells.</summary>
[Collection(RealHostCollection.Name)]
public class LrFindTests(RealHost host)
{
    [Fact]
    public async Task On_the_default_task_it_shows_progress_then_the_chart_and_the_summary()
    {
        var result = await host.RunOkAsync("#!lrfind");

        var progressId = result.OfType(KernelEventTypes.DisplayedValueProduced)
            .First(e => e.Text.StartsWith("lrfind:", StringComparison.Ordinal)).ValueId;
        Assert.Contains(result.OfType(KernelEventTypes.DisplayedValueUpdated), e => e.ValueId == progressId);
        Assert.Contains(Outputs.FinalText(result), t => Regex.IsMatch(t, @"^lrfind: \d+ steps in .*; suggested lr .*; result in 'lrfind'"));

        var html = Assert.Single(Outputs.ChartHtml(result));
        Assert.Equal(1, Outputs.ChartCount(html));
        Assert.Contains("class=\"lrnb-summary\"", html);
        Assert.Contains("LR range test", html);

        Assert.Equal("True", await host.EvaluateAsync(
            "(lrfind.LearningRates.Length == lrfind.Losses.Length && lrfind.Losses.Length > 10 && lrfind.SuggestedLr > 0).ToString()"));
    }

    [Fact]
    public async Task On_a_model_and_data_from_csharp_cells_it_leaves_the_weights_bitwise_unchanged()
    {
        await host.RunOkAsync(CSharpSnippets.ModelAndData("lf"));

        var result = await host.RunOkAsync("#!lrfind --model lfModel --data lfData --batch-size 32 --steps 40 --name lfResult");

        Assert.Single(Outputs.ChartHtml(result));
        Assert.Equal("True", await host.EvaluateAsync(CSharpSnippets.WeightsUnchanged("lf")));
        Assert.Equal("40", await host.EvaluateAsync("lfResult.Losses.Length.ToString()"));
        Assert.Equal("True", await host.EvaluateAsync("lfResult.LearningRates.Zip(lfResult.LearningRates.Skip(1)).All(p => p.Second > p.First).ToString()"));
    }

    [Fact]
    public async Task A_second_run_into_the_same_variable_loads_no_new_assembly()
    {
        const string CountAssemblies = "AppDomain.CurrentDomain.GetAssemblies().Length.ToString()";
        await host.RunOkAsync("#!lrfind --steps 20 --name repeatRun");
        int before = int.Parse(await host.EvaluateAsync(CountAssemblies));

        await host.RunOkAsync("#!lrfind --steps 30 --name repeatRun");

        // the counting cell itself is one compiled submission; storing the result used to add another
        Assert.Equal(before + 1, int.Parse(await host.EvaluateAsync(CountAssemblies)));
        Assert.Equal("30", await host.EvaluateAsync("repeatRun.Losses.Length.ToString()"));
    }
}
