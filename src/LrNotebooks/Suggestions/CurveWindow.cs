namespace LrNotebooks.Suggestions;

/// <summary>
/// The part of a range-test curve a rule looks at, with each point's index in the full curve so a pick maps back.
/// </summary>
internal sealed record CurveWindow(double[] LearningRates, double[] Losses, int[] Indices)
{
    /// <summary>fastai drops this many points at the end: the last steps before the stop are already blowing up.</summary>
    public const int FastaiSkipEnd = 5;

    public int Count => Losses.Length;

    /// <summary>
    /// fastai's pre-processing, shared by every rule except "lightning": drop the first tenth of the steps (the EMA
    /// warm-up and flat start) and the last <see cref="FastaiSkipEnd"/>, then cut at the first unusable point.
    /// fastai takes the tenth of the planned steps and cuts at NaN only; we take the tenth of the steps that ran
    /// (a rule sees only the curve) and also cut at ±Inf and non-positive LRs, since nothing after them is trustworthy.
    /// Fails (in plain words) when fewer than <paramref name="minimumPoints"/> remain or the loss never decreases.
    /// </summary>
    public static bool TryFastaiWindow(
        IReadOnlyList<double> learningRates, IReadOnlyList<double> losses, int minimumPoints,
        out CurveWindow window, out string failure)
    {
        window = new CurveWindow([], [], []);
        if (!SameLength(learningRates, losses, out failure))
            return false;

        int skipBegin = losses.Count / 10;
        int end = losses.Count - FastaiSkipEnd;
        int stop = skipBegin;
        while (stop < end && IsUsable(learningRates[stop], losses[stop]))
            stop++;

        window = Slice(learningRates, losses, skipBegin, stop);
        if (window.Count < minimumPoints)
        {
            failure = $"Only {window.Count} usable point(s) remain after dropping the first tenth of the curve, the last "
                + $"{FastaiSkipEnd} and everything from the first NaN/infinite loss on; this rule needs at least "
                + $"{minimumPoints}. Run more steps, or lower max-lr if the loss turned NaN early.";
            return false;
        }
        if (!HasDescent(window.Losses))
        {
            failure = "The loss never decreases in the usable part of the curve: lower min-lr (the descent may start "
                + "below the range), or check that the model can learn from the data.";
            return false;
        }
        return true;
    }

    /// <summary>Lightning's pre-processing: results[skipBegin:-skipEnd] (Python slice semantics), finite losses only.</summary>
    public static bool TryLightningWindow(
        IReadOnlyList<double> learningRates, IReadOnlyList<double> losses, int skipBegin, int skipEnd,
        out CurveWindow window, out string failure)
    {
        window = new CurveWindow([], [], []);
        if (!SameLength(learningRates, losses, out failure))
            return false;

        int[] kept = Enumerable.Range(skipBegin, Math.Max(0, losses.Count - skipEnd - skipBegin))
            .Where(i => double.IsFinite(losses[i]))
            .ToArray();
        window = new CurveWindow(kept.Select(i => learningRates[i]).ToArray(), kept.Select(i => losses[i]).ToArray(), kept);
        if (window.Count < 2)
        {
            failure = $"Only {window.Count} finite point(s) remain after skipping the first {skipBegin} and the last "
                + $"{skipEnd}; at least 2 are needed. Run more steps.";
            return false;
        }
        return true;
    }

    /// <summary>A point a rule can use: a finite loss at a finite, positive learning rate (log10 must exist).</summary>
    public static bool IsUsable(double learningRate, double loss) =>
        double.IsFinite(loss) && double.IsFinite(learningRate) && learningRate > 0;

    /// <summary>True when some point lies below an earlier one.</summary>
    public static bool HasDescent(double[] losses)
    {
        double highest = double.NegativeInfinity;
        foreach (double loss in losses)
        {
            if (loss < highest)
                return true;
            highest = Math.Max(highest, loss);
        }
        return false;
    }

    private static bool SameLength(IReadOnlyList<double> learningRates, IReadOnlyList<double> losses, out string failure)
    {
        ArgumentNullException.ThrowIfNull(learningRates);
        ArgumentNullException.ThrowIfNull(losses);
        failure = learningRates.Count == losses.Count
            ? ""
            : $"The curve is inconsistent: {learningRates.Count} learning rates but {losses.Count} losses.";
        return failure.Length == 0;
    }

    private static CurveWindow Slice(IReadOnlyList<double> learningRates, IReadOnlyList<double> losses, int start, int stop)
    {
        int[] indices = Enumerable.Range(start, Math.Max(0, stop - start)).ToArray();
        return new CurveWindow(indices.Select(i => learningRates[i]).ToArray(), indices.Select(i => losses[i]).ToArray(), indices);
    }
}
