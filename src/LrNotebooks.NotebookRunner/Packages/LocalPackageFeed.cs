using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace LrNotebooks.NotebookRunner.Packages;

/// <summary>
/// The repo's own packages in artifacts/packages, which notebooks load through the repo's nuget.config.
/// </summary>
public sealed class LocalPackageFeed(string feedDirectory)
{
    public const string ExtensionPackageId = "LrNotebooks.Interactive";
    public const string EnginePackageId = "LrNotebooks";
    public const string PackCommand = "dotnet pack LrNotebooks.sln -c Release -o artifacts/packages";

    public string Directory { get; } = feedDirectory;

    /// <summary>The (id, version) of every package in the feed, read from each .nupkg's nuspec.</summary>
    public IReadOnlyList<(string Id, string Version)> Packages =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.nupkg").Select(ReadIdentity).ToList()
            : [];

    /// <summary>The packages a notebook needs are missing: says so, with the command that makes them.</summary>
    public string? MissingPackagesMessage()
    {
        var ids = Packages.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = new[] { EnginePackageId, ExtensionPackageId }.Where(id => !ids.Contains(id)).ToList();
        return missing.Count == 0
            ? null
            : $"{string.Join(" and ", missing)} not found in {Directory}. Run `{PackCommand}` in the repo root first (or pass --pack).";
    }

    /// <summary>
    /// Deletes the NuGet cache's copies of the feed's packages: restore reuses ~/.nuget/packages/&lt;id&gt;/&lt;version&gt;,
    /// so a package re-packed under the same version would otherwise never be picked up.
    /// </summary>
    public IReadOnlyList<string> ClearCachedCopies()
    {
        var cache = GlobalPackagesFolder();
        var deleted = new List<string>();
        foreach (var (id, version) in Packages)
        {
            var folder = Path.Combine(cache, id.ToLowerInvariant(), version.ToLowerInvariant());
            if (!System.IO.Directory.Exists(folder)) continue;
            System.IO.Directory.Delete(folder, recursive: true);
            deleted.Add(folder);
        }
        return deleted;
    }

    /// <summary>Runs the pack command in <paramref name="repoRoot"/>; throws with its output when it fails.</summary>
    public static async Task PackAsync(string repoRoot, TextWriter log, CancellationToken cancellationToken = default)
    {
        log.WriteLine($"[runner] {PackCommand}");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, UseShellExecute = false };
        foreach (var arg in new[] { "pack", "LrNotebooks.sln", "-c", "Release", "-o", "artifacts/packages", "-v", "quiet", "-nologo" })
            psi.ArgumentList.Add(arg);
        using var pack = Process.Start(psi) ?? throw new InvalidOperationException("Could not start `dotnet pack`.");
        await pack.WaitForExitAsync(cancellationToken);
        if (pack.ExitCode != 0) throw new InvalidOperationException($"`{PackCommand}` failed with exit code {pack.ExitCode}.");
    }

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static (string Id, string Version) ReadIdentity(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        return (Field("id"), Field("version"));
    }
}
