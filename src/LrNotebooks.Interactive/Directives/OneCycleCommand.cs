namespace LrNotebooks.Interactive.Directives;

/// <summary>The parameters of <c>#!onecycle</c> (see <see cref="OneCycleDirective"/>).</summary>
public sealed class OneCycleCommand : TrainingCommand
{
    public string? MaxLr { get; set; }
    public string? Steps { get; set; }
    public string? Epochs { get; set; }
    public string? StepsPerEpoch { get; set; }
    public string? PctStart { get; set; }
    public string? Anneal { get; set; }
    public string? DivFactor { get; set; }
    public string? FinalDivFactor { get; set; }
    public bool ThreePhase { get; set; }
    public string? BaseMomentum { get; set; }
    public string? MaxMomentum { get; set; }
    public string? Preset { get; set; }
    public bool Train { get; set; }
    public bool CompareConstant { get; set; }
}
