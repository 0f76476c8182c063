using System.Reflection;

namespace LrNotebooks.NotebookRunner.Report;

/// <summary>The plotly.js that Plotly.NET.dll embeds: the same version the chart outputs were written for.</summary>
public static class PlotlyJs
{
    public const string Version = "2.28.0";
    private const string ResourceName = $"Plotly.NET.plotly-{Version}.min.js";

    private static readonly Lazy<string> Source = new(() =>
    {
        var plotlyNet = Assembly.Load("Plotly.NET");
        using var stream = plotlyNet.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"Plotly.NET.dll does not embed {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The minified bundle, ready to go into a &lt;script&gt; element.</summary>
    public static string Script => Source.Value.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
