namespace LrNotebooks.RangeTest;

/// <summary>
/// Exponential moving average with exact bias correction (as fastai's AvgSmoothLoss and Adam):
/// s_k = β·s_{k−1} + (1−β)·x_k with s_0 = 0, reported as s_k / (1 − β^k) for k = 1, 2, …
/// The first value is therefore the first loss itself. β = 0 reports the raw values.
/// </summary>
public sealed class EmaSmoother(double beta)
{
    private double _average;
    private int _count;

    public double Beta { get; } = beta;

    /// <summary>Adds <paramref name="value"/> and returns the bias-corrected average.</summary>
    public double Next(double value)
    {
        _count++;
        _average = Beta * _average + (1 - Beta) * value;
        return _average / (1 - Math.Pow(Beta, _count));
    }

    /// <summary>Smooths a whole series.</summary>
    public static double[] Smooth(IEnumerable<double> values, double beta)
    {
        var smoother = new EmaSmoother(beta);
        return values.Select(smoother.Next).ToArray();
    }
}
