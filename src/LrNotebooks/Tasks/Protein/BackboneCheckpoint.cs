namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// Saves and loads a backbone's parameters (TorchSharp's state-dict file format, via Module.save / load).
/// Only the backbone goes into the file: heads are task-specific and start fresh when fine-tuning.
/// </summary>
public static class BackboneCheckpoint
{
    public static void Save(ProteinBackbone backbone, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        // Written under a temporary name and moved into place so a reader never sees half a file.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            backbone.save(partial);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>A fresh backbone of the given kind and options with the parameters read from <paramref name="path"/>.</summary>
    public static ProteinBackbone Load(string path, ProteinModelKind kind, ProteinModelOptions? options = null)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No backbone checkpoint at {path}.", path);
        var backbone = ProteinBackbone.Create(kind, options);
        try
        {
            backbone.load(path);   // strict: every parameter must be present with the same shape
            return backbone;
        }
        catch
        {
            backbone.Dispose();
            throw;
        }
    }
}
