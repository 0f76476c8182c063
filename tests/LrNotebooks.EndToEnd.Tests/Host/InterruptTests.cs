using System.Diagnostics;
using LrNotebooks.EndToEnd.Tests.Infrastructure;
using LrNotebooks.NotebookRunner.Hosting;

namespace LrNotebooks.EndToEnd.Tests.Host;

/// <summary>An interrupt (the host's Cancel command) mid-run ends the run promptly and leaves the model as it was.</summary>
[Collection(RealHostCollection.Name)]
public class InterruptTests(RealHost host)
{
    // generous for a loaded 2-core CI machine; a run that ignored the interrupt would go on for many minutes
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("lrfind", "#!lrfind --model {0}Model --data {0}Data --batch-size 8 --min-lr 1e-9 --max-lr 1e-6 --steps 100000 --divergence off", "lrfind: step")]
    [InlineData("train", "#!onecycle --max-lr 1e-3 --steps 100000 --train --model {0}Model --data {0}Data --batch-size 8", "step")]
    public async Task Cancel_mid_run_ends_it_promptly_and_the_model_is_unchanged(string prefix, string commandFormat, string progressText)
    {
        await host.RunOkAsync(CSharpSnippets.ModelAndData(prefix));
        var progressing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = host.RunAsync(string.Format(commandFormat, prefix), e =>
        {
            if (e.EventType == KernelEventTypes.DisplayedValueUpdated && e.Text.Contains(progressText)) progressing.TrySetResult();
        });
        // it is really running (or it ended before any progress, which the message says)
        if (await Task.WhenAny(progressing.Task, run).WaitAsync(TimeSpan.FromMinutes(3)) == run)
            throw new Xunit.Sdk.XunitException($"the run ended before any progress: {(await run).FailureMessage ?? "succeeded"}");
        var cancelledAt = Stopwatch.StartNew();
        await host.Kernel.CancelAsync().WaitAsync(Prompt);
        var result = await run.WaitAsync(Prompt);
        cancelledAt.Stop();

        Assert.False(result.Succeeded, "an interrupted run must not end as a success");
        Assert.Contains("cancelled", result.FailureMessage, StringComparison.OrdinalIgnoreCase);
        Assert.True(cancelledAt.Elapsed < Prompt, $"took {cancelledAt.Elapsed} after the interrupt");
        Assert.Equal("True", await host.EvaluateAsync(CSharpSnippets.WeightsUnchanged(prefix)));
        Assert.Equal("after", await host.EvaluateAsync("\"after\""));
    }
}
