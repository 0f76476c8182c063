namespace LrNotebooks.RangeTest;

/// <summary>The learning rates of a range test, one per step, from MinLr to MaxLr inclusive.</summary>
public static class LrLadder
{
    /// <summary>
    /// <paramref name="steps"/> rates, equally spaced on a log axis (<see cref="LadderMode.Exp"/>) or a linear
    /// one. Rung k is min·(max/min)^(k/(steps−1)) or min + (max−min)·k/(steps−1); the first is exactly
    /// <paramref name="minLr"/> and the last exactly <paramref name="maxLr"/> (no skipped rung, no missed end).
    /// </summary>
    public static double[] Build(double minLr, double maxLr, int steps, LadderMode mode)
    {
        if (steps < 2) throw new ArgumentException($"Steps (--steps) must be at least 2; got {steps}.", "Steps");
        var ladder = new double[steps];
        double last = steps - 1;
        for (int k = 0; k < steps; k++)
            ladder[k] = mode == LadderMode.Exp
                ? minLr * Math.Pow(maxLr / minLr, k / last)
                : minLr + (maxLr - minLr) * (k / last);
        // Floating-point rounding may miss the ends by an ulp; the contract is that they are exact.
        ladder[0] = minLr;
        ladder[^1] = maxLr;
        return ladder;
    }

    public static double[] Build(RangeTestOptions options) => Build(options.MinLr, options.MaxLr, options.Steps, options.Mode);
}
