using LrNotebooks.Schedules;

namespace LrNotebooks.Tests.Schedules;

public class OneCycleScheduleTests
{
    private const double RelTol = 1e-12;

    public static TheoryData<int, double, AnnealStrategy, bool> Variants()
    {
        var data = new TheoryData<int, double, AnnealStrategy, bool>();
        foreach (int total in new[] { 1, 3, 7, 10, 37, 100, 1000 })
            foreach (double pct in new[] { 0.0, 0.1, 0.25, 0.3, 0.45, 0.5, 0.8, 1.0 })
                foreach (var anneal in new[] { AnnealStrategy.Cos, AnnealStrategy.Linear })
                    foreach (bool three in new[] { false, true })
                        if (!(three && pct > 0.5) && !ZeroWidthPhaseReached(total, pct, three))
                            data.Add(total, pct, anneal, three);
        return data;
    }

    // The configurations where PyTorch itself divides by zero; covered by ZeroWidthPhase_IsTreatedAsFinished.
    private static bool ZeroWidthPhaseReached(int total, double pct, bool three)
    {
        try { for (int s = 0; s <= total; s++) PyTorchOneCycleReference.GetLr(s, total, 1.0, pct, "cos", three); return false; }
        catch (DivideByZeroException) { return true; }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void MatchesPyTorch_ForEveryGroupAndStep_IncludingStepT(int total, double pct, AnnealStrategy anneal, bool threePhase)
    {
        double[] maxLrs = [1e-3, 0.1, 3.0];
        var schedule = new OneCycleSchedule(new OneCycleOptions
        {
            MaxLrs = maxLrs, TotalSteps = total, PctStart = pct, Anneal = anneal, ThreePhase = threePhase,
        });

        for (int g = 0; g < maxLrs.Length; g++)
            for (int s = 0; s <= total; s++)
            {
                var expected = PyTorchOneCycleReference.GetLr(s, total, maxLrs[g], pct, anneal == AnnealStrategy.Cos ? "cos" : "linear", threePhase);
                var actual = schedule.At(s, g);
                AssertClose(expected.Lr, actual.LearningRate, $"lr, group {g}, step {s}");
                AssertClose(expected.Momentum, actual.Momentum!.Value, $"momentum, group {g}, step {s}");
            }
    }

    [Fact]
    public void MatchesPyTorch_WithNonDefaultFactorsAndMomentumBounds()
    {
        var schedule = new OneCycleSchedule(new OneCycleOptions
        {
            MaxLrs = [0.02, 0.5], TotalSteps = 50, PctStart = 0.2, DivFactor = 10, FinalDivFactor = 100,
            BaseMomentum = 0.8, MaxMomentum = 0.99, ThreePhase = true, Anneal = AnnealStrategy.Linear,
        });
        double[] maxLrs = [0.02, 0.5];
        for (int g = 0; g < 2; g++)
            for (int s = 0; s <= 50; s++)
            {
                var expected = PyTorchOneCycleReference.GetLr(s, 50, maxLrs[g], 0.2, "linear", true, 10, 100, 0.8, 0.99);
                var actual = schedule.At(s, g);
                AssertClose(expected.Lr, actual.LearningRate, $"lr g{g} s{s}");
                AssertClose(expected.Momentum, actual.Momentum!.Value, $"momentum g{g} s{s}");
            }
    }

    [Fact]
    public void DefaultShape_StartsAtMaxOver25_PeaksAtMax_EndsNearMaxOver250000()
    {
        var schedule = new OneCycleSchedule(1e-3, 100);
        Assert.Equal(1e-3 / 25, schedule.At(0).LearningRate, 15);
        Assert.Equal(0.95, schedule.At(0).Momentum!.Value, 15);
        var lrs = Enumerable.Range(0, 100).Select(s => schedule.At(s).LearningRate).ToArray();
        Assert.Equal(29, Array.IndexOf(lrs, lrs.Max()));
        Assert.Equal(1e-3, lrs[29]);
        Assert.Equal(0.85, schedule.At(29).Momentum!.Value, 15);
        Assert.Equal(1e-3 / 25 / 1e4, lrs[99]);
        Assert.Equal((1e-3 / 25, 1e-3, 1e-3 / 25 / 1e4), schedule.LearningRateLevels());
    }

    [Fact]
    public void StepT_IsExtrapolated_NotZero_AndLaterStepsThrow()
    {
        var schedule = new OneCycleSchedule(1.0, 20);
        var atT = schedule.At(20);
        Assert.True(atT.LearningRate > schedule.At(19).LearningRate, "PyTorch extrapolates the cosine past its end, so the LR rises again at T");
        Assert.True(atT.Momentum > 0.94);
        Assert.Throws<ArgumentOutOfRangeException>("step", () => schedule.At(21));
        Assert.Throws<ArgumentOutOfRangeException>("step", () => schedule.At(-1));
        Assert.Throws<ArgumentOutOfRangeException>("group", () => schedule.At(0, 1));
    }

    [Theory]
    [InlineData(10, 0.1, false)]   // warm-up of exactly one step: phase 0 spans [0, 0]
    [InlineData(10, 0.1, true)]
    [InlineData(4, 0.25, true)]
    [InlineData(10, 1.0, false)]   // no cool-down: the last phase spans [T-1, T-1], reached at step T
    public void ZeroWidthPhase_IsTreatedAsFinished(int total, double pct, bool threePhase)
    {
        Assert.True(ZeroWidthPhaseReached(total, pct, threePhase), "PyTorch divides by zero here");
        var schedule = new OneCycleSchedule(new OneCycleOptions { MaxLrs = [1.0], TotalSteps = total, PctStart = pct, ThreePhase = threePhase });
        var (_, max, min) = schedule.LearningRateLevels();
        for (int s = 0; s <= total; s++)
        {
            try
            {
                var expected = PyTorchOneCycleReference.GetLr(s, total, 1.0, pct, "cos", threePhase);
                AssertClose(expected.Lr, schedule.At(s).LearningRate, $"step {s}");
            }
            catch (DivideByZeroException)
            {
                // The degenerate phase is over as soon as it starts: its end value.
                double expectedLr = s == 0 ? max : min;
                Assert.Equal(expectedLr, schedule.At(s).LearningRate);
            }
        }
    }

    [Fact]
    public void PctStartZero_Works_AndStartsNearMax()
    {
        var schedule = new OneCycleSchedule(new OneCycleOptions { MaxLrs = [1.0], TotalSteps = 10, PctStart = 0 });
        var lrs = Enumerable.Range(0, 11).Select(s => schedule.At(s).LearningRate).ToArray();
        Assert.All(lrs, lr => Assert.True(double.IsFinite(lr)));
        Assert.True(lrs[0] > 0.9 && lrs[0] < 1.0);
        var trainingSteps = lrs[..10];
        Assert.True(trainingSteps.Zip(trainingSteps.Skip(1)).All(p => p.First > p.Second), "monotone decay without warm-up");
    }

    [Fact]
    public void WithoutMomentumCycling_MomentumIsNull()
    {
        var schedule = new OneCycleSchedule(new OneCycleOptions { MaxLrs = [1.0], TotalSteps = 10, CycleMomentum = false });
        Assert.Null(schedule.At(3).Momentum);
    }

    [Fact]
    public void OptionsArray_IsCopied()
    {
        double[] lrs = [0.1];
        var schedule = new OneCycleSchedule(new OneCycleOptions { MaxLrs = lrs, TotalSteps = 10 });
        double before = schedule.At(5).LearningRate;
        lrs[0] = 5;
        Assert.Equal(before, schedule.At(5).LearningRate);
    }

    internal static void AssertClose(double expected, double actual, string what)
    {
        double diff = Math.Abs(expected - actual);
        Assert.True(diff <= RelTol * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R} (diff {diff:E2})");
    }
}
