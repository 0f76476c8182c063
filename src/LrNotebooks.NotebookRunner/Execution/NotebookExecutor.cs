using LrNotebooks.NotebookRunner.Hosting;
using LrNotebooks.NotebookRunner.Notebooks;

namespace LrNotebooks.NotebookRunner.Execution;

/// <summary>What went wrong in a notebook run: the cell and the kernel's message.</summary>
public sealed record CellFailure(int CellIndex, int ExecutionCount, string Message)
{
    public override string ToString() => $"cell {CellIndex + 1} (execution {ExecutionCount}) failed: {Message}";
}

/// <summary>Runs a notebook's code cells in order through a host, stores their outputs, stops at the first failure.</summary>
public sealed class NotebookExecutor(StdioKernelClient kernel, TimeSpan cellTimeout, TextWriter log)
{
    /// <returns>The first failure, or null when every code cell succeeded.</returns>
    public async Task<CellFailure?> ExecuteAsync(NotebookDocument notebook, CancellationToken cancellationToken = default)
    {
        var executionCount = 0;
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            executionCount++;
            log.WriteLine($"[{notebook.Name}] cell {cell.Index + 1}: {FirstLine(cell.Source)}");
            var (result, timedOut) = await RunCellAsync(cell.Source, cell.KernelName ?? notebook.DefaultKernelName, cancellationToken);
            cell.SetExecutionResult(executionCount, JupyterOutputs.From(result, executionCount));
            if (timedOut)
                return new CellFailure(cell.Index, executionCount, $"ran longer than {cellTimeout.TotalSeconds:0} s and was interrupted");
            if (!result.Succeeded)
                return new CellFailure(cell.Index, executionCount, result.FailureMessage ?? "(no message)");
        }
        return null;
    }

    private async Task<(SubmissionResult Result, bool TimedOut)> RunCellAsync(string code, string kernelName,
        CancellationToken cancellationToken)
    {
        var submission = kernel.SubmitCodeAsync(code, kernelName, cancellationToken: CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(cellTimeout);
        try
        {
            return (await submission.WaitAsync(timeout.Token), false);
        }
        catch (OperationCanceledException)
        {
            // interrupt the kernel as a user would, and keep what the cell showed until then
            await kernel.CancelAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            var interrupted = await submission.WaitAsync(TimeSpan.FromSeconds(30));
            cancellationToken.ThrowIfCancellationRequested();
            return (interrupted, true);
        }
    }

    private static string FirstLine(string source)
    {
        var line = source.Split('\n', 2)[0].Trim();
        return line.Length > 80 ? line[..80] + "…" : line;
    }
}
