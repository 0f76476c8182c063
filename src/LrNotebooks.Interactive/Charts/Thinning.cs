namespace LrNotebooks.Interactive.Charts;

/// <summary>
/// Long runs are drawn from evenly spaced points (first and last kept), so a chart output stays small whatever the
/// number of steps; markers and annotations use the exact values.
/// </summary>
internal static class Thinning
{
    public const int MaxPoints = 500;

    public static int[] Indices(int count)
    {
        if (count <= MaxPoints) return Enumerable.Range(0, count).ToArray();
        return Enumerable.Range(0, MaxPoints)
            .Select(i => (int)Math.Round(i * (count - 1) / (double)(MaxPoints - 1)))
            .Distinct()
            .ToArray();
    }

    public static double[] Pick(this IReadOnlyList<double> values, int[] indices) => indices.Select(i => values[i]).ToArray();
}
