using LrNotebooks.NotebookRunner.Report;

namespace LrNotebooks.EndToEnd.Tests.Infrastructure;

/// <summary>Minimal HTML pages around chart outputs, as a notebook front end would place them.</summary>
public static class TestPages
{
    /// <param name="definePlotly">put plotly.js in the head first, as the runner's report does</param>
    public static string Write(string name, IEnumerable<string> outputs, bool definePlotly)
    {
        var head = definePlotly ? $"<script type=\"text/javascript\">{PlotlyJs.Script}</script>" : "";
        var body = string.Concat(outputs.Select(o => $"<section class=\"output\">{o}</section>\n"));
        var path = Path.Combine(Path.GetTempPath(), $"lrnb-{name}-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>\n{body}</body></html>");
        return path;
    }
}
