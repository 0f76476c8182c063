using System.Text.Json;
using System.Text.RegularExpressions;

namespace LrNotebooks.Interactive.Tests;

/// <summary>The figure inside one chart output, parsed back from its script.</summary>
internal sealed record ChartJson(JsonElement Data, JsonElement Layout)
{
    public static ChartJson Parse(string html)
    {
        var data = Regex.Match(html, @"var data = (.*?);\nvar layout = ", RegexOptions.Singleline);
        var layout = Regex.Match(html, @"var layout = (.*?);\nvar config = ", RegexOptions.Singleline);
        Assert.True(data.Success && layout.Success, "chart script not found");
        return new ChartJson(JsonDocument.Parse(data.Groups[1].Value).RootElement, JsonDocument.Parse(layout.Groups[1].Value).RootElement);
    }

    public IEnumerable<JsonElement> Traces => Data.EnumerateArray();

    public IEnumerable<string> TraceNames => Traces.Select(t => t.TryGetProperty("name", out var n) ? n.GetString()! : "");

    public JsonElement Trace(string nameStart) => Traces.Single(t => t.GetProperty("name").GetString()!.StartsWith(nameStart, StringComparison.Ordinal));

    public IEnumerable<JsonElement> Items(string layoutProperty) =>
        Layout.TryGetProperty(layoutProperty, out var items) ? items.EnumerateArray() : [];
}
