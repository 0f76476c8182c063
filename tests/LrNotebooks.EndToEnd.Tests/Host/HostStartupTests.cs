using LrNotebooks.EndToEnd.Tests.Infrastructure;
using LrNotebooks.NotebookRunner.Hosting;

namespace LrNotebooks.EndToEnd.Tests.Host;

/// <summary>The real host starts from the repo's pinned tool and loads our package from the local feed.</summary>
[Collection(RealHostCollection.Name)]
public class HostStartupTests(RealHost host)
{
    [Fact]
    public async Task A_plain_csharp_cell_runs()
    {
        Assert.Equal("42", await host.EvaluateAsync("(6 * 7).ToString()"));
    }

    [Fact]
    public void The_packages_come_from_the_local_feed()
    {
        Assert.True(host.LoadResult.Succeeded, host.LoadResult.FailureMessage);
        var added = host.LoadResult.OfType("PackageAdded").Select(e => e.Event.GetProperty("packageReference"))
            .ToDictionary(p => p.GetProperty("packageName").GetString()!.ToLowerInvariant(), p => p.GetProperty("packageVersion").GetString());
        var expected = Repo.PackedFeed.Packages.Single(p => p.Id == "LrNotebooks.Interactive").Version;
        Assert.Equal(expected, added["lrnotebooks.interactive"]);
        Assert.Equal(expected, added["lrnotebooks"]);
        Assert.Equal("0.107.0", added["torchsharp-cpu"]);
    }

    [Fact]
    public void Loading_shows_the_one_line_banner_once_and_no_error()
    {
        Assert.True(host.LoadResult.Succeeded, host.LoadResult.FailureMessage);
        Assert.Empty(host.LoadResult.OfType(KernelEventTypes.StandardErrorValueProduced));
        var banner = Assert.Single(Outputs.FinalText(host.LoadResult), t => t.StartsWith("LrNotebooks:", StringComparison.Ordinal));
        Assert.Contains("#!lrfind", banner);
        Assert.Contains("#!onecycle", banner);
        Assert.DoesNotContain('\n', banner.TrimEnd());   // one line: TorchSharp's native backend works, nothing to warn about
        Assert.Contains(host.LoadResult.OfType(KernelEventTypes.KernelExtensionLoaded), _ => true);
    }
}
