namespace LrNotebooks.Interactive.Directives;

/// <summary>The parameters of <c>#!lrfind</c> (see <see cref="LrFindDirective"/>).</summary>
public sealed class LrFindCommand : TrainingCommand
{
    public string? MinLr { get; set; }
    public string? MaxLr { get; set; }
    public string? Steps { get; set; }
    public string? Mode { get; set; }
    public string? Suggest { get; set; }
    public string? Accumulate { get; set; }
    public string? Divergence { get; set; }
    public string? Smoothing { get; set; }
}
