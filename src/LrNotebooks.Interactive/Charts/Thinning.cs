namespace LrNotebooks.Interactive.Charts;

/// <summary>
/// Long runs are drawn from evenly spaced points (first and last kept), so a chart output stays small whatever the
/// number of steps (a 1,000-step training chart with its constant-lr twin stays under 50 KB); every point kept is an
/// exact value of the curve, and markers and annotations use the exact values too.
/// </summary>
internal static class Thinning
{
    /// <summary>Points of a curve read closely (smoothed loss, schedule), with hover.</summary>
    public const int MaxPoints = 300;

    /// <summary>Points of a faint or slowly varying trace drawn behind one (raw loss, learning rate).</summary>
    public const int BackgroundPoints = 150;

    public static int[] Indices(int count, int maxPoints = MaxPoints)
    {
        if (count <= maxPoints) return Enumerable.Range(0, count).ToArray();
        return Enumerable.Range(0, maxPoints)
            .Select(i => (int)Math.Round(i * (count - 1) / (double)(maxPoints - 1)))
            .Distinct()
            .ToArray();
    }

    public static double[] Pick(this IReadOnlyList<double> values, int[] indices) => indices.Select(i => values[i]).ToArray();

    public static double[] Steps(this int[] indices) => indices.Select(i => (double)i).ToArray();
}
