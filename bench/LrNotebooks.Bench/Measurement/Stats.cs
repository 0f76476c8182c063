namespace LrNotebooks.Bench.Measurement;

/// <summary>Summary statistics of repeated measurements.</summary>
internal static class Stats
{
    /// <summary>Median (mean of the middle two for an even count); NaN values sort last, so they count as worst.</summary>
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>Linear-interpolated quantile (numpy's default) with NaN sorted above every number.</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        double[] sorted = values.Select(v => double.IsNaN(v) ? double.PositiveInfinity : v).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position), high = (int)Math.Ceiling(position);
        if (low == high || double.IsInfinity(sorted[high])) return sorted[high];
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    /// <summary>Least-squares slope of <paramref name="y"/> against its index.</summary>
    public static double Slope(IReadOnlyList<double> y)
    {
        double n = y.Count, meanX = (n - 1) / 2, meanY = y.Average();
        double num = 0, den = 0;
        for (int i = 0; i < y.Count; i++)
        {
            num += (i - meanX) * (y[i] - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }
}
