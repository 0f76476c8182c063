using LrNotebooks.NotebookRunner.Hosting;
using LrNotebooks.NotebookRunner.Packages;

namespace LrNotebooks.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One `dotnet interactive stdio` host for the whole collection, with our package loaded from the local feed by the
/// contract's three lines (start-up and restore cost seconds, so tests share it and leave it usable).
/// </summary>
public sealed class RealHost : IAsyncLifetime
{
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(5);
    private StdioKernelClient? _kernel;

    public StdioKernelClient Kernel => _kernel ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>What the load cell produced (restore, extension loading, the banner).</summary>
    public SubmissionResult LoadResult { get; private set; } = null!;

    public static string LoadCode(LocalPackageFeed feed)
    {
        var version = feed.Packages.Single(p => p.Id == LocalPackageFeed.ExtensionPackageId).Version;
        return $"""
            #r "nuget: TorchSharp-cpu, 0.107.0"
            #i "nuget: {feed.Directory}"
            #r "nuget: {LocalPackageFeed.ExtensionPackageId}, {version}"
            """;
    }

    public async Task InitializeAsync()
    {
        var feed = Repo.PackedFeed;
        _kernel = await StdioKernelClient.StartAsync(Repo.Layout.Root);
        LoadResult = await RunAsync(LoadCode(feed));
    }

    /// <summary>Runs a cell and returns all its events; fails the test if the host does not answer in time.</summary>
    public Task<SubmissionResult> RunAsync(string code, Action<KernelEventEnvelope>? onEvent = null) =>
        Kernel.SubmitCodeAsync(code, onEvent: onEvent).WaitAsync(CellTimeout);

    /// <summary>Runs a cell that must succeed; the assertion message carries the kernel's failure message.</summary>
    public async Task<SubmissionResult> RunOkAsync(string code, Action<KernelEventEnvelope>? onEvent = null)
    {
        var result = await RunAsync(code, onEvent);
        Assert.True(result.Succeeded, $"The cell failed:\n{code}\n---\n{result.FailureMessage}");
        return result;
    }

    /// <summary>The text/plain of a cell's return value (e.g. `x.ToString()`), for checks on C# variables.</summary>
    public async Task<string> EvaluateAsync(string expression)
    {
        var result = await RunOkAsync(expression);
        var value = result.OfType(KernelEventTypes.ReturnValueProduced).SingleOrDefault()
                    ?? throw new Xunit.Sdk.XunitException($"`{expression}` returned no value.");
        return value.FormattedValues.Single(v => v.MimeType == "text/plain").Value;
    }

    public async Task DisposeAsync()
    {
        if (_kernel is not null) await _kernel.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RealHostCollection : ICollectionFixture<RealHost>
{
    public const string Name = "real notebook host";
}
