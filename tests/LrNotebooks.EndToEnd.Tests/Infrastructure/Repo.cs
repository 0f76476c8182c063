using LrNotebooks.NotebookRunner.Hosting;
using LrNotebooks.NotebookRunner.Packages;

namespace LrNotebooks.EndToEnd.Tests.Infrastructure;

/// <summary>The repo under test, its packed packages, and where tests leave files for people to look at.</summary>
public static class Repo
{
    public static RepoLayout Layout { get; } = RepoLayout.Find(AppContext.BaseDirectory);

    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Layout.Artifacts, "screenshots")).FullName;

    private static readonly Lazy<LocalPackageFeed> Feed = new(() =>
    {
        var feed = new LocalPackageFeed(Layout.PackageFeed);
        if (feed.MissingPackagesMessage() is { } missing)
            throw new InvalidOperationException("End-to-end tests run against the packed packages. " + missing);
        feed.ClearCachedCopies();   // once per test run, before the first restore
        return feed;
    });

    /// <summary>The local feed with our packages, ready to restore from (fails with the pack command if they are missing).</summary>
    public static LocalPackageFeed PackedFeed => Feed.Value;

    public static string NotebookPath(string fileName) => Path.Combine(Layout.Notebooks, fileName);

    public static IEnumerable<string> NotebookFiles =>
        Directory.GetFiles(Layout.Notebooks, "*.ipynb").Select(Path.GetFileName).Order()!;
}
