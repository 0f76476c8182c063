using System.Text.Json;

namespace LrNotebooks.NotebookRunner.Hosting;

/// <summary>One event line from `dotnet interactive stdio`: its type, its payload and the command it belongs to.</summary>
public sealed record KernelEventEnvelope(string EventType, JsonElement Event, string? CommandToken, string? CommandType)
{
    public static KernelEventEnvelope? TryParse(string line)
    {
        if (!line.StartsWith('{')) return null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            return From(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;   // not an event (the host logs to stderr, but stay robust to a stray line)
        }
    }

    private static KernelEventEnvelope? From(JsonElement root)
    {
        if (!root.TryGetProperty("eventType", out var type)) return null;
        string? token = null, commandType = null;
        if (root.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.Object)
        {
            if (command.TryGetProperty("token", out var t)) token = t.GetString();
            if (command.TryGetProperty("commandType", out var ct)) commandType = ct.GetString();
        }
        var payload = root.TryGetProperty("event", out var e) ? e.Clone() : default;
        return new KernelEventEnvelope(type.GetString()!, payload, token, commandType);
    }

    /// <summary>The formatted values of a display, update or return-value event, as (mime type, value) pairs.</summary>
    public IReadOnlyList<(string MimeType, string Value)> FormattedValues =>
        Event.ValueKind == JsonValueKind.Object && Event.TryGetProperty("formattedValues", out var values)
            ? values.EnumerateArray()
                .Select(v => (v.GetProperty("mimeType").GetString()!, v.GetProperty("value").GetString() ?? ""))
                .ToList()
            : [];

    /// <summary>The display id that ties a DisplayedValueUpdated to its DisplayedValueProduced.</summary>
    public string? ValueId =>
        Event.ValueKind == JsonValueKind.Object && Event.TryGetProperty("valueId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>The failure message of a CommandFailed event.</summary>
    public string? Message =>
        Event.ValueKind == JsonValueKind.Object && Event.TryGetProperty("message", out var m) ? m.GetString() : null;

    /// <summary>All text this event carries (formatted values or message), for assertions and logs.</summary>
    public string Text => Message ?? string.Join("\n", FormattedValues.Select(v => v.Value));
}
