namespace LrNotebooks.Interactive;

/// <summary>Where a chart output gets plotly.js from.</summary>
public enum PlotlyMode
{
    /// <summary>Load plotly.js from the plot.ly CDN when the page does not have it yet (small outputs; needs internet).</summary>
    Cdn,
    /// <summary>Carry plotly.js (about 3.6 MB) in every chart output so it renders offline.</summary>
    Inline,
}

/// <summary>Settings of the charts for this kernel session (also set by <c>#!lrnotebooks --plotly inline|cdn</c>).</summary>
public static class ChartSettings
{
    public static PlotlyMode PlotlyMode { get; set; } = PlotlyMode.Cdn;
}
