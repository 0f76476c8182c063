namespace LrNotebooks.Tests.Suggestions;

/// <summary>
/// Range-test curves with a known shape: a sigmoid drop of the loss centred (in log10 LR) at <see cref="CentreLog10"/>,
/// a floor, then an exponential blow-up. Optionally with seeded multiplicative Gaussian noise, smoothed by the
/// bias-corrected EMA (beta 0.98) and cut by the stop rule (smoothed &gt; 4 × best), as a real run would be.
/// </summary>
internal static class SyntheticCurve
{
    public const double CentreLog10 = -3;
    public const double MinLog10 = -7;
    public const double MaxLog10 = 1;

    /// <summary>The noiseless loss at log10(LR) = x.</summary>
    public static double Loss(double x) => 1 + 1.5 / (1 + Math.Exp((x - CentreLog10) / 0.35)) + Math.Exp(3 * (x + 0.5));

    /// <summary>log10 of an exponential ladder from 1e-7 to 10, both ends included.</summary>
    public static double[] LogLadder(int steps) =>
        Enumerable.Range(0, steps).Select(k => MinLog10 + (MaxLog10 - MinLog10) * k / (steps - 1)).ToArray();

    public static double LadderStep(int steps) => (MaxLog10 - MinLog10) / (steps - 1);

    /// <summary>The noiseless, unsmoothed curve on an exponential ladder.</summary>
    public static (double[] Lrs, double[] Losses) Clean(int steps = 100) => OnLadder(LogLadder(steps));

    public static (double[] Lrs, double[] Losses) OnLadder(double[] log10Lrs) =>
        (log10Lrs.Select(x => Math.Pow(10, x)).ToArray(), log10Lrs.Select(Loss).ToArray());

    /// <summary>A run as the range test records it: noisy raw losses, EMA-smoothed, stopped at divergence.</summary>
    public static (double[] Lrs, double[] Smoothed) Run(double noise, int seed, int steps = 100)
    {
        var rng = new Random(seed);
        var lrs = new List<double>();
        var smoothed = new List<double>();
        double average = 0, best = double.PositiveInfinity;
        foreach (var (x, k) in LogLadder(steps).Select((x, k) => (x, k)))
        {
            double raw = Loss(x) * (1 + noise * Gaussian(rng));
            average = 0.98 * average + 0.02 * raw;
            double value = average / (1 - Math.Pow(0.98, k + 1));
            lrs.Add(Math.Pow(10, x));
            smoothed.Add(value);
            if (value > 4 * best)
                break;
            best = Math.Min(best, value);
        }
        return (lrs.ToArray(), smoothed.ToArray());
    }

    /// <summary>log10 LR of the steepest descent of <see cref="Loss"/> in [from, to], on a fine grid.</summary>
    public static double TrueSteepestLog10(double from, double to)
    {
        const int points = 100_000;
        const double h = 1e-5;
        return Enumerable.Range(0, points + 1)
            .Select(i => from + (to - from) * i / points)
            .MinBy(x => (Loss(x + h) - Loss(x - h)) / (2 * h));
    }

    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
