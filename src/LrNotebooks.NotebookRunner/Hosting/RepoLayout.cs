namespace LrNotebooks.NotebookRunner.Hosting;

/// <summary>Where things are in the LrNotebooks repo.</summary>
public sealed class RepoLayout(string root)
{
    public string Root { get; } = root;
    public string Solution => Path.Combine(Root, "LrNotebooks.sln");
    public string PackageFeed => Path.Combine(Root, "artifacts", "packages");
    public string Notebooks => Path.Combine(Root, "notebooks");
    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds LrNotebooks.sln and dotnet-tools.json.</summary>
    public static RepoLayout Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LrNotebooks.sln")) && File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")))
                return new RepoLayout(dir.FullName);
        throw new DirectoryNotFoundException($"No LrNotebooks repo (LrNotebooks.sln + dotnet-tools.json) at or above {start}.");
    }

    /// <summary>The repo that holds the current directory, or else the one that holds this program.</summary>
    public static RepoLayout Locate()
    {
        try { return Find(Environment.CurrentDirectory); }
        catch (DirectoryNotFoundException) { return Find(AppContext.BaseDirectory); }
    }
}
