namespace LrNotebooks.Suggestions;

/// <summary>Slopes of a sampled curve, as numpy.gradient / torch.gradient compute them (edge_order=1).</summary>
internal static class Gradient
{
    /// <summary>
    /// dy/dx at each sample: second-order central differences inside (exact for non-uniform spacing), one-sided
    /// differences at both ends. Needs at least 2 points.
    /// </summary>
    public static double[] Of(double[] y, double[] x)
    {
        int n = y.Length;
        var slope = new double[n];
        slope[0] = (y[1] - y[0]) / (x[1] - x[0]);
        slope[n - 1] = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
        for (int i = 1; i < n - 1; i++)
        {
            double before = x[i] - x[i - 1], after = x[i + 1] - x[i];
            slope[i] = (before * before * y[i + 1] - after * after * y[i - 1] + (after * after - before * before) * y[i])
                / (before * after * (before + after));
        }
        return slope;
    }

    /// <summary>Slope per sample (unit spacing), as numpy.gradient(y) without coordinates.</summary>
    public static double[] PerStep(double[] y) => Of(y, Enumerable.Range(0, y.Length).Select(i => (double)i).ToArray());

    /// <summary>Index of the most negative finite value (first one on ties), or null when no value is finite.</summary>
    public static int? ArgMinFinite(double[] values)
    {
        int? best = null;
        for (int i = 0; i < values.Length; i++)
            if (double.IsFinite(values[i]) && (best is null || values[i] < values[best.Value]))
                best = i;
        return best;
    }
}
