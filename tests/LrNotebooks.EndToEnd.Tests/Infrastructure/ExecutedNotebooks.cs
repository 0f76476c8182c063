using System.Collections.Concurrent;
using LrNotebooks.NotebookRunner.Execution;

namespace LrNotebooks.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Each walkthrough notebook executed once by the runner (the notebook tests and the browser tests share the result).
/// The executed notebooks and HTML reports stay in artifacts/e2e/notebooks for people to open.
/// </summary>
public sealed class ExecutedNotebooks
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, Lazy<Task<NotebookRunOutcome>>> _runs = new();

    public static string OutputDirectory => Path.Combine(Repo.Layout.Artifacts, "e2e", "notebooks");

    public Task<NotebookRunOutcome> ByRunnerAsync(string notebookFile) =>
        _runs.GetOrAdd(notebookFile, file => new Lazy<Task<NotebookRunOutcome>>(() =>
        {
            _ = Repo.PackedFeed;   // packages present, stale cached copies gone
            return NotebookRun.ExecuteAsync(Repo.Layout, Repo.NotebookPath(file), OutputDirectory, CellTimeout, TextWriter.Null);
        })).Value;
}

[CollectionDefinition(Name)]
public sealed class NotebookCollection : ICollectionFixture<ExecutedNotebooks>, ICollectionFixture<Chromium>
{
    public const string Name = "walkthrough notebooks";
}
