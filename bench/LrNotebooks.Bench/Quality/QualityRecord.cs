namespace LrNotebooks.Bench.Quality;

/// <summary>Everything measured for one (task, seed): the grid, the oracle, the range-test curve, each rule's pick and outcome.</summary>
internal sealed record QualityRecord(
    string Task,
    int Seed,
    double UntrainedLoss,
    double[] GridLrs,
    double[] GridLosses,
    double[] CurveLrs,
    double[] CurveSmoothedLosses,
    string StopReason,
    List<RulePick> Picks)
{
    /// <summary>The target-noise regime (see NoisyTask): 0 for the tasks as built.</summary>
    public double TargetNoise { get; init; }

    /// <summary>The oracle's LR trained again with other batch orders: a pick at exactly the best LR scores about this.</summary>
    public double OracleRetrainedLoss { get; init; } = double.NaN;

    public double OracleLoss => GridLosses.Min();
    public double OracleLr => GridLrs[Array.IndexOf(GridLosses, OracleLoss)];

    public (double Regret, double LostShare) OracleRetrained =>
        (OracleRetrainedLoss / OracleLoss - 1, (OracleRetrainedLoss - OracleLoss) / (UntrainedLoss - OracleLoss));

    /// <summary>
    /// The better of the oracle's two grid neighbours (a quarter decade either side): what a rule that lands one grid
    /// step off the best LR scores. Its regret is the resolution of the measurement itself.
    /// </summary>
    public (double Regret, double LostShare) NeighbourOfOracle
    {
        get
        {
            int best = Array.IndexOf(GridLosses, OracleLoss);
            double neighbour = new[] { best - 1, best + 1 }.Where(i => i >= 0 && i < GridLosses.Length).Min(i => GridLosses[i]);
            return (neighbour / OracleLoss - 1, (neighbour - OracleLoss) / (UntrainedLoss - OracleLoss));
        }
    }
}

/// <param name="LearningRate">NaN when the rule could not suggest (then the regret is +Infinity).</param>
/// <param name="Regret">Loss / oracle − 1: the brief's measure; ill-conditioned when the oracle's loss is near 0.</param>
/// <param name="LostShare">
/// (loss − oracle) / (untrained − oracle): the share of the achievable improvement that this LR loses. Stays
/// meaningful when a task is solved almost perfectly (oracle loss ~0.0005, where a ratio explodes on noise).
/// </param>
internal sealed record RulePick(string Rule, double LearningRate, double Loss, double Regret, double LostShare, bool LowConfidence);
