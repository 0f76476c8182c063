using System.Text.Json;
using System.Text.Json.Nodes;
using LrNotebooks.NotebookRunner.Hosting;

namespace LrNotebooks.NotebookRunner.Notebooks;

/// <summary>
/// Turns one submission's kernel events into Jupyter outputs, as Jupyter's .NET kernel would save them:
/// displays as display_data (an updated display keeps only its final state), stdout/stderr as streams,
/// the return value as execute_result, and the failure as an error output.
/// </summary>
public static class JupyterOutputs
{
    public static List<JsonObject> From(SubmissionResult result, int executionCount)
    {
        var outputs = new List<JsonObject>();
        var displays = new Dictionary<string, JsonObject>();
        foreach (var e in result.Events)
        {
            switch (e.EventType)
            {
                case KernelEventTypes.DisplayedValueProduced:
                    var display = MimeBundle(e, "display_data");
                    if (display is null) break;
                    outputs.Add(display);
                    if (e.ValueId is { } id) displays[id] = display;
                    break;
                case KernelEventTypes.DisplayedValueUpdated:
                    if (e.ValueId is { } updatedId && displays.TryGetValue(updatedId, out var shown))
                        shown["data"] = Data(e);
                    break;
                case KernelEventTypes.ReturnValueProduced:
                    if (MimeBundle(e, "execute_result") is { } value)
                    {
                        value["execution_count"] = executionCount;
                        outputs.Add(value);
                    }
                    break;
                case KernelEventTypes.StandardOutputValueProduced:
                    AppendStream(outputs, "stdout", e.Text);
                    break;
                case KernelEventTypes.StandardErrorValueProduced:
                    AppendStream(outputs, "stderr", e.Text);
                    break;
            }
        }
        if (!result.Succeeded) outputs.Add(Error(result.FailureMessage ?? "The cell failed."));
        return outputs;
    }

    public static JsonObject Error(string message) => new()
    {
        ["output_type"] = "error",
        ["ename"] = "Error",
        ["evalue"] = message,
        ["traceback"] = new JsonArray(message),
    };

    private static JsonObject? MimeBundle(KernelEventEnvelope e, string outputType)
    {
        var data = Data(e);
        return data.Count == 0 ? null : new JsonObject { ["output_type"] = outputType, ["data"] = data, ["metadata"] = new JsonObject() };
    }

    private static JsonObject Data(KernelEventEnvelope e)
    {
        var data = new JsonObject();
        foreach (var value in e.Event.GetProperty("formattedValues").EnumerateArray())
        {
            if (value.TryGetProperty("suppressDisplay", out var suppress) && suppress.ValueKind == JsonValueKind.True) continue;
            var mime = value.GetProperty("mimeType").GetString()!;
            var text = value.GetProperty("value").GetString() ?? "";
            data[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : text;
        }
        return data;
    }

    private static void AppendStream(List<JsonObject> outputs, string name, string text)
    {
        if (outputs.Count > 0 && outputs[^1]["output_type"]?.GetValue<string>() == "stream"
                              && outputs[^1]["name"]?.GetValue<string>() == name)
            outputs[^1]["text"] = outputs[^1]["text"]!.GetValue<string>() + text;
        else
            outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = text });
    }
}
