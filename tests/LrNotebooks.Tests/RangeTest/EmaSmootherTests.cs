using LrNotebooks.RangeTest;

namespace LrNotebooks.Tests.RangeTest;

public class EmaSmootherTests
{
    [Fact]
    public void Bias_correction_matches_hand_computed_values_at_beta_one_half()
    {
        // s1 = 0.5·1 = 0.5 -> 0.5/0.5 = 1; s2 = 0.25 + 1 = 1.25 -> 1.25/0.75 = 5/3; s3 = 0.625 + 1.5 = 2.125 -> 2.125/0.875 = 17/7.
        var smoothed = EmaSmoother.Smooth([1, 2, 3], 0.5);
        Assert.Equal(1.0, smoothed[0], 1e-15);
        Assert.Equal(5.0 / 3, smoothed[1], 1e-15);
        Assert.Equal(17.0 / 7, smoothed[2], 1e-15);
    }

    [Fact]
    public void Bias_correction_matches_hand_computed_values_at_beta_098()
    {
        // s1 = 0.02·2 = 0.04 -> /0.02 = 2; s2 = 0.98·0.04 + 0.02·4 = 0.1192 -> /(1 − 0.9604) = 0.1192/0.0396 = 298/99.
        var smoothed = EmaSmoother.Smooth([2, 4], 0.98);
        Assert.Equal(2.0, smoothed[0], 1e-13);
        Assert.Equal(298.0 / 99, smoothed[1], 1e-12);
    }

    [Fact]
    public void A_constant_series_stays_constant_because_the_correction_is_exact()
    {
        var smoothed = EmaSmoother.Smooth(Enumerable.Repeat(0.75, 50), 0.98);
        Assert.All(smoothed, s => Assert.Equal(0.75, s, 1e-12));
    }

    [Fact]
    public void Beta_zero_reports_the_raw_values()
    {
        double[] raw = [3, -1, 0.5, 7];
        Assert.Equal(raw, EmaSmoother.Smooth(raw, 0));
    }
}
