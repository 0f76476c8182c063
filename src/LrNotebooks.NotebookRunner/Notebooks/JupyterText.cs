using System.Text.Json.Nodes;

namespace LrNotebooks.NotebookRunner.Notebooks;

/// <summary>nbformat stores multi-line text either as one string or as a list of lines.</summary>
public static class JupyterText
{
    public static string Of(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue value => value.GetValue<string>(),
        null => "",
        _ => node.ToJsonString(),
    };
}
