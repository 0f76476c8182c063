using System.Diagnostics;
using LrNotebooks.NotebookRunner.Notebooks;

namespace LrNotebooks.EndToEnd.Tests.Infrastructure;

/// <summary>Executes a notebook with Jupyter's nbconvert and the `.net-csharp` kernel, as a Jupyter user would.</summary>
public static class Nbconvert
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    public static async Task<NotebookDocument> ExecuteAsync(string notebookPath, string outputDirectory)
    {
        // started inside the repo: the kernelspec runs `dotnet interactive`, which must be the tool pinned in dotnet-tools.json
        var psi = new ProcessStartInfo("jupyter")
        {
            WorkingDirectory = Repo.Layout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=.net-csharp",
                     $"--ExecutePreprocessor.timeout={(int)Timeout.TotalSeconds}", "--output-dir", outputDirectory, notebookPath,
                 })
            psi.ArgumentList.Add(arg);
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("`jupyter` not found: install jupyter-nbconvert and python3-nbclient (.ci/setup does).", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout + TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"nbconvert did not finish {Path.GetFileName(notebookPath)} in {Timeout}.");
            }
            if (process.ExitCode != 0)
                throw new Xunit.Sdk.XunitException(
                    $"nbconvert failed on {Path.GetFileName(notebookPath)} (exit {process.ExitCode}):\n{CellError(await stderr)}");
        }
        return NotebookDocument.Load(Path.Combine(outputDirectory, Path.GetFileName(notebookPath)));
    }

    // nbconvert's CellExecutionError names the failing cell and the kernel's message; the traceback after it is Python's
    private static string CellError(string stderr)
    {
        var start = stderr.IndexOf("An error occurred while executing the following cell", StringComparison.Ordinal);
        var text = start >= 0 ? stderr[start..] : stderr;
        return text.Length > 3000 ? text[..3000] + "…" : text;
    }
}
