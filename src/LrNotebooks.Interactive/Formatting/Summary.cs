using System.Net;
using System.Text;

namespace LrNotebooks.Interactive.Formatting;

/// <summary>A short list of labelled facts about a result, written as plain text or as a small HTML table.</summary>
internal sealed class Summary(string title)
{
    private readonly List<(string Label, string Value)> _rows = [];

    public Summary Add(string label, string value)
    {
        _rows.Add((label, value));
        return this;
    }

    public string ToText()
    {
        var width = _rows.Count == 0 ? 0 : _rows.Max(r => r.Label.Length);
        var text = new StringBuilder(title).AppendLine();
        foreach (var (label, value) in _rows) text.Append("  ").Append(label.PadRight(width)).Append("  ").AppendLine(value);
        return text.ToString();
    }

    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"lrnb-summary\" style=\"text-align:left\">");
        html.Append($"<caption style=\"text-align:left;font-weight:bold\">{WebUtility.HtmlEncode(title)}</caption>");
        foreach (var (label, value) in _rows)
            html.Append($"<tr><th style=\"text-align:left;padding-right:1em\">{WebUtility.HtmlEncode(label)}</th><td style=\"text-align:left\">{WebUtility.HtmlEncode(value)}</td></tr>");
        return html.Append("</table>").ToString();
    }
}
