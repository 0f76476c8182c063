using LrNotebooks.NotebookRunner.Hosting;
using LrNotebooks.NotebookRunner.Notebooks;
using LrNotebooks.NotebookRunner.Report;

namespace LrNotebooks.NotebookRunner.Execution;

/// <summary>What one notebook run left behind.</summary>
public sealed record NotebookRunOutcome(NotebookDocument Executed, CellFailure? Failure, string NotebookPath, string ReportPath)
{
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Executes one notebook in a fresh host and writes the executed .ipynb and the HTML report into an output folder.
/// The host runs in the repo (for the pinned tool) with the notebook's folder as the kernel's working directory,
/// as in Jupyter and VS Code, so relative paths and the repo's nuget.config behave the same everywhere.
/// </summary>
public static class NotebookRun
{
    public static async Task<NotebookRunOutcome> ExecuteAsync(RepoLayout repo, string notebookPath, string outputDirectory,
        TimeSpan cellTimeout, TextWriter log, CancellationToken cancellationToken = default)
    {
        var notebook = NotebookDocument.Load(notebookPath);
        CellFailure? failure;
        await using (var kernel = await StdioKernelClient.StartAsync(repo.Root, Path.GetDirectoryName(notebook.Path),
                         cancellationToken: cancellationToken))
        {
            failure = await new NotebookExecutor(kernel, cellTimeout, log).ExecuteAsync(notebook, cancellationToken);
        }

        Directory.CreateDirectory(outputDirectory);
        var executedPath = Path.Combine(outputDirectory, notebook.Name + ".ipynb");
        var reportPath = Path.Combine(outputDirectory, notebook.Name + ".html");
        notebook.Save(executedPath);
        await File.WriteAllTextAsync(reportPath, HtmlReport.Render(notebook, failure), cancellationToken);
        return new NotebookRunOutcome(notebook, failure, executedPath, reportPath);
    }
}
