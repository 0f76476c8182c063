namespace LrNotebooks.Bench.Quality;

/// <summary>Everything measured for one (task, seed): the grid, the oracle, the range-test curve, each rule's pick and outcome.</summary>
internal sealed record QualityRecord(
    string Task,
    int Seed,
    double[] GridLrs,
    double[] GridLosses,
    double[] CurveLrs,
    double[] CurveSmoothedLosses,
    string StopReason,
    List<RulePick> Picks)
{
    public double OracleLoss => GridLosses.Min();
    public double OracleLr => GridLrs[Array.IndexOf(GridLosses, OracleLoss)];
}

/// <param name="LearningRate">NaN when the rule could not suggest (then the regret is +Infinity).</param>
internal sealed record RulePick(string Rule, double LearningRate, double Loss, double Regret, bool LowConfidence);
