using System.Diagnostics;
using System.Text.Json.Nodes;
using LrNotebooks.EndToEnd.Tests.Infrastructure;
using LrNotebooks.NotebookRunner;

namespace LrNotebooks.EndToEnd.Tests.Runner;

/// <summary>The runner as a command: it stops at the first failing cell with a non-zero exit code and says why.</summary>
public class RunnerCommandLineTests
{
    private static readonly string RunnerDll = typeof(RunnerOptions).Assembly.Location;

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(RunnerDll);
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string Notebook(params string[] codeCells)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("lrnb-runner-").FullName, "failing.ipynb");
        File.WriteAllText(path, new JsonObject
        {
            ["cells"] = new JsonArray(codeCells.Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code", ["source"] = c, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(),
                ["execution_count"] = null,
            }).ToArray()),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }.ToJsonString());
        return path;
    }

    [Fact]
    public async Task It_stops_at_the_first_failing_cell_with_exit_code_1_and_keeps_what_ran()
    {
        _ = Repo.PackedFeed;   // the runner checks the feed before it runs anything
        var notebook = Notebook("Console.WriteLine(\"first\");", "throw new InvalidOperationException(\"boom in cell two\");", "Console.WriteLine(\"third\");");
        var output = Directory.CreateTempSubdirectory("lrnb-runner-out-").FullName;

        var (exitCode, stdout, stderr) = await RunAsync(Repo.Layout.Root, notebook, "--out", output);

        Assert.Equal(1, exitCode);
        Assert.Contains("cell 2", stderr);
        Assert.Contains("boom in cell two", stderr);
        var executed = LrNotebooks.NotebookRunner.Notebooks.NotebookDocument.Load(Path.Combine(output, "failing.ipynb"));
        Assert.Equal("first\n", (string?)Assert.Single(executed.Cells[0].Outputs)["text"]);
        Assert.Equal("error", (string?)Assert.Single(executed.Cells[1].Outputs)["output_type"]);
        Assert.Null(executed.Cells[2].ExecutionCount);   // never ran
        Assert.Contains("Stopped: cell 2", await File.ReadAllTextAsync(Path.Combine(output, "failing.html")));
        Assert.Contains("HTML report", stdout);
    }

    [Fact]
    public async Task Without_packed_packages_it_says_how_to_make_them_and_exits_with_2()
    {
        var repo = Directory.CreateTempSubdirectory("lrnb-emptyrepo-").FullName;   // a repo whose feed is empty
        File.WriteAllText(Path.Combine(repo, "LrNotebooks.sln"), "");
        File.WriteAllText(Path.Combine(repo, "dotnet-tools.json"), "{}");
        Directory.CreateDirectory(Path.Combine(repo, "artifacts", "packages"));

        var (exitCode, _, stderr) = await RunAsync(repo, Notebook("1 + 1"));

        Assert.Equal(2, exitCode);
        Assert.Contains("LrNotebooks and LrNotebooks.Interactive not found", stderr);
        Assert.Contains("dotnet pack LrNotebooks.sln -c Release -o artifacts/packages", stderr);
    }

    [Fact]
    public async Task A_bad_option_prints_the_usage_and_exits_with_2()
    {
        var (exitCode, _, stderr) = await RunAsync(Repo.Layout.Root, "x.ipynb", "--cell-timeout", "soon");

        Assert.Equal(2, exitCode);
        Assert.Contains("--cell-timeout", stderr);
        Assert.Contains("Usage:", stderr);
    }
}
