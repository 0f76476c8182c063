using System.Text.Json;
using System.Text.Json.Nodes;

namespace LrNotebooks.NotebookRunner.Notebooks;

/// <summary>
/// A .ipynb (nbformat 4) held as JSON, so metadata the runner does not know about survives a round trip.
/// </summary>
public sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };
    private readonly JsonObject _root;

    private NotebookDocument(JsonObject root, string path)
    {
        _root = root;
        Path = path;
        Cells = ((JsonArray?)root["cells"] ?? throw new InvalidDataException($"{path}: no \"cells\" array"))
            .Select((cell, index) => new NotebookCell((JsonObject)cell!, index))
            .ToList();
    }

    public string Path { get; }
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>
    /// The kernel a code cell without its own metadata runs in: polyglot_notebook.kernelInfo.defaultKernelName as
    /// VS Code writes it, or polyglot_notebook.defaultKernelName as Microsoft.DotNet.Interactive.Documents writes it.
    /// </summary>
    public string DefaultKernelName =>
        (_root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]
         ?? _root["metadata"]?["polyglot_notebook"]?["defaultKernelName"])?.GetValue<string>() ?? "csharp";

    public static NotebookDocument Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                   ?? throw new InvalidDataException($"{path} is not a JSON object");
        if (root["nbformat"]?.GetValue<int>() != 4)
            throw new InvalidDataException($"{path}: only nbformat 4 notebooks are supported");
        return new NotebookDocument(root, System.IO.Path.GetFullPath(path));
    }

    /// <summary>Writes the notebook (nbformat 4.5: cell ids) with whatever outputs the cells now hold.</summary>
    public void Save(string path)
    {
        _root["nbformat_minor"] = Math.Max(5, _root["nbformat_minor"]?.GetValue<int>() ?? 5);
        foreach (var cell in Cells) cell.EnsureId();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, _root.ToJsonString(WriteOptions) + "\n");
    }
}

public sealed class NotebookCell(JsonObject json, int index)
{
    public int Index { get; } = index;
    public string CellType => json["cell_type"]?.GetValue<string>() ?? "code";
    public bool IsCode => CellType == "code";

    /// <summary>The cell text (nbformat allows a string or a list of lines).</summary>
    public string Source => JupyterText.Of(json["source"]);

    /// <summary>The cell's kernel (polyglot_notebook.kernelName, or dotnet_interactive.language), if it names one.</summary>
    public string? KernelName =>
        json["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? json["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>();

    /// <summary>Null until the cell has run.</summary>
    public int? ExecutionCount => json["execution_count"]?.GetValue<int>();

    public IReadOnlyList<JsonObject> Outputs => json["outputs"] is JsonArray outputs ? outputs.OfType<JsonObject>().ToList() : [];

    public void SetExecutionResult(int executionCount, IEnumerable<JsonObject> outputs)
    {
        json["execution_count"] = executionCount;
        json["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o).ToArray());
    }

    internal void EnsureId()
    {
        if (json["id"] is null) json["id"] = $"cell-{Index}";
    }
}
