namespace LrNotebooks.Schedules;

/// <summary>PyTorch OneCycleLR's parameters (same names, same defaults). One max LR per parameter group.</summary>
public sealed record OneCycleOptions
{
    public required double[] MaxLrs { get; init; }
    public required int TotalSteps { get; init; }
    public double PctStart { get; init; } = 0.3;
    public AnnealStrategy Anneal { get; init; } = AnnealStrategy.Cos;
    public double DivFactor { get; init; } = 25;
    public double FinalDivFactor { get; init; } = 1e4;
    public bool ThreePhase { get; init; }
    public bool CycleMomentum { get; init; } = true;
    public double BaseMomentum { get; init; } = 0.85;
    public double MaxMomentum { get; init; } = 0.95;

    /// <summary>Throws ArgumentException naming the bad option.</summary>
    public void Validate() => throw new NotImplementedException();
}
