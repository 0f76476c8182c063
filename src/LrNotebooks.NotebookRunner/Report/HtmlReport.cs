using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LrNotebooks.NotebookRunner.Execution;
using LrNotebooks.NotebookRunner.Notebooks;
using Markdig;

namespace LrNotebooks.NotebookRunner.Report;

/// <summary>
/// A self-contained HTML page of an executed notebook: plotly.js once in the head (so every chart output, which
/// draws with window.Plotly when it is defined, renders offline), then each cell's source and outputs.
/// </summary>
public static class HtmlReport
{
    // richest first: what a notebook front end would show
    private static readonly string[] MimePreference = ["text/html", "image/svg+xml", "image/png", "text/markdown", "text/plain"];
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static string Render(NotebookDocument notebook, CellFailure? failure)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Encode(notebook.Name)).Append("</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n")
            .Append("<script type=\"text/javascript\">/* plotly.js ").Append(PlotlyJs.Version).Append(" */\n")
            .Append(PlotlyJs.Script).Append("\n</script>\n</head>\n<body>\n")
            .Append("<header><h1>").Append(Encode(notebook.Name)).Append("</h1><p class=\"status\">")
            .Append(failure is null ? "Every cell ran." : Encode($"Stopped: {failure}"))
            .Append("</p></header>\n");
        foreach (var cell in notebook.Cells) AppendCell(html, cell);
        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendCell(StringBuilder html, NotebookCell cell)
    {
        if (!cell.IsCode)
        {
            html.Append("<section class=\"cell markdown\">").Append(Markdig.Markdown.ToHtml(cell.Source, Markdown)).Append("</section>\n");
            return;
        }
        html.Append("<section class=\"cell code\"><pre class=\"source\"><code>").Append(Encode(cell.Source)).Append("</code></pre>\n");
        foreach (var output in cell.Outputs) AppendOutput(html, output);
        html.Append("</section>\n");
    }

    private static void AppendOutput(StringBuilder html, JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() ?? "stdout";
                html.Append($"<pre class=\"output {name}\">").Append(Encode(JupyterText.Of(output["text"]))).Append("</pre>\n");
                break;
            case "error":
                html.Append("<pre class=\"output error\">").Append(Encode(output["evalue"]?.GetValue<string>() ?? "")).Append("</pre>\n");
                break;
            case "display_data" or "execute_result" when output["data"] is JsonObject data:
                html.Append("<div class=\"output\">").Append(RenderData(data)).Append("</div>\n");
                break;
        }
    }

    private static string RenderData(JsonObject data)
    {
        var mime = MimePreference.FirstOrDefault(data.ContainsKey);
        if (mime is null) return "";
        var value = JupyterText.Of(data[mime]);
        return mime switch
        {
            "text/html" or "image/svg+xml" => value,   // chart outputs go in as they are (their scripts run in place)
            "image/png" => $"<img src=\"data:image/png;base64,{value.Trim()}\" alt=\"\">",
            "text/markdown" => Markdig.Markdown.ToHtml(value, Markdown),
            _ => $"<pre>{Encode(value)}</pre>",
        };
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
        header .status{color:#555}
        .cell{margin:1.2em 0}
        .cell.code{border-left:3px solid #4a7bd0;padding-left:.8em}
        pre{overflow-x:auto;padding:.6em;margin:.4em 0}
        pre.source{background:#f4f6fa}
        pre.output{background:#fff;border:1px solid #eee}
        pre.output.stderr,pre.output.error{background:#fff0f0;color:#a00}
        .output{margin:.4em 0}
        """;
}
