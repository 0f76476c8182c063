using LrNotebooks.NotebookRunner;
using LrNotebooks.NotebookRunner.Execution;
using LrNotebooks.NotebookRunner.Hosting;
using LrNotebooks.NotebookRunner.Packages;

RunnerOptions options;
try
{
    options = RunnerOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(RunnerOptions.Usage);
    return 2;
}

var repo = RepoLayout.Locate();
var feed = new LocalPackageFeed(repo.PackageFeed);
if (feed.MissingPackagesMessage() is not null && options.Pack)
    await LocalPackageFeed.PackAsync(repo.Root, Console.Out);
if (feed.MissingPackagesMessage() is { } missing)
{
    Console.Error.WriteLine($"[runner] {missing}");
    return 2;
}
foreach (var folder in feed.ClearCachedCopies())
    Console.WriteLine($"[runner] removed stale cached package {folder}");

var output = Path.GetFullPath(options.OutputDirectory ?? Path.Combine(repo.Artifacts, "notebooks"));
foreach (var notebook in options.Notebooks)
{
    if (!File.Exists(notebook))
    {
        Console.Error.WriteLine($"[runner] no such notebook: {notebook}");
        return 2;
    }
    var outcome = await NotebookRun.ExecuteAsync(repo, notebook, output, options.CellTimeout, Console.Out);
    Console.WriteLine($"[runner] executed notebook: {outcome.NotebookPath}");
    Console.WriteLine($"[runner] HTML report:       {outcome.ReportPath}");
    if (outcome.Failure is { } failure)
    {
        Console.Error.WriteLine($"[runner] {Path.GetFileName(notebook)}: {failure}");
        return 1;
    }
}
return 0;
