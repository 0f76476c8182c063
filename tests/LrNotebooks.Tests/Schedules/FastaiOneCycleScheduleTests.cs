using LrNotebooks.Schedules;

namespace LrNotebooks.Tests.Schedules;

public class FastaiOneCycleScheduleTests
{
    // Transcription of fastai.callback.schedule: sched_cos, combine_scheds (cumulative pcts, the last phase index
    // capped at len-2) and combined_cos, in double precision.
    private static double SchedCos(double start, double end, double pos) => start + (1 + Math.Cos(Math.PI * (1 - pos))) * (end - start) / 2;

    private static Func<double, double> CombineScheds(double[] pcts, Func<double, double>[] scheds)
    {
        var cum = new double[pcts.Length + 1];
        for (int i = 0; i < pcts.Length; i++) cum[i + 1] = cum[i] + pcts[i];
        int pctLim = cum.Length - 2;
        return pos =>
        {
            int idx = Math.Min(Enumerable.Range(0, cum.Length).Where(i => pos >= cum[i]).Max(), pctLim);
            double actualPos = (pos - cum[idx]) / (cum[idx + 1] - cum[idx]);
            return scheds[idx](actualPos);
        };
    }

    private static Func<double, double> CombinedCos(double pct, double start, double middle, double end) =>
        CombineScheds([pct, 1 - pct], [p => SchedCos(start, middle, p), p => SchedCos(middle, end, p)]);

    [Theory]
    [InlineData(100, 0.25)]
    [InlineData(37, 0.25)]
    [InlineData(10, 0.3)]
    [InlineData(1000, 0.1)]
    [InlineData(8, 0.0)]
    public void MatchesFastaiFormula_ForEveryGroupAndStep(int total, double pct)
    {
        double[] maxLrs = [1e-3, 0.03];
        var schedule = new FastaiOneCycleSchedule(new FastaiOneCycleOptions { MaxLrs = maxLrs, TotalSteps = total, PctStart = pct });
        var mom = CombinedCos(pct, 0.95, 0.85, 0.95);
        for (int g = 0; g < maxLrs.Length; g++)
        {
            var lr = CombinedCos(pct, maxLrs[g] / 25, maxLrs[g], maxLrs[g] / 1e5);
            for (int s = 0; s <= total; s++)
            {
                double p = (double)s / total;
                OneCycleScheduleTests.AssertClose(lr(p), schedule.At(s, g).LearningRate, $"lr g{g} s{s}");
                OneCycleScheduleTests.AssertClose(mom(p), schedule.At(s, g).Momentum!.Value, $"mom g{g} s{s}");
            }
        }
    }

    [Fact]
    public void PresetDefaults_StartAtMaxOver25_PeakAtQuarter_EndAtMaxOver1e5()
    {
        var schedule = OneCycleSchedule.Fastai(100, 1e-2);
        Assert.Equal(1e-2 / 25, schedule.At(0).LearningRate, 15);
        Assert.Equal(0.95, schedule.At(0).Momentum!.Value, 12);
        Assert.Equal(1e-2, schedule.At(25).LearningRate, 15);
        Assert.Equal(0.85, schedule.At(25).Momentum!.Value, 12);
        Assert.Equal(1e-2 / 1e5, schedule.At(100).LearningRate, 15);
        Assert.True(schedule.At(99).LearningRate > schedule.At(100).LearningRate, "the last training step is one step short of the end");
        Assert.Throws<ArgumentOutOfRangeException>("step", () => schedule.At(101));
    }

    [Fact]
    public void PctStartOne_EndsAtFinalLr_InsteadOfNaN()
    {
        var schedule = new FastaiOneCycleSchedule(new FastaiOneCycleOptions { MaxLrs = [1.0], TotalSteps = 10, PctStart = 1 });
        Assert.Equal(1.0 / 1e5, schedule.At(10).LearningRate, 15);   // fastai's formula cancels to about 1e-16 absolute
        Assert.True(schedule.At(9).LearningRate < 1.0 && schedule.At(9).LearningRate > schedule.At(8).LearningRate);
    }

    [Theory]
    [InlineData("MaxLrs")]
    [InlineData("TotalSteps")]
    [InlineData("PctStart")]
    [InlineData("DivFactor")]
    [InlineData("FinalDivFactor")]
    [InlineData("Moms")]
    public void Validate_NamesTheBadOption(string option)
    {
        var valid = new FastaiOneCycleOptions { MaxLrs = [1e-3], TotalSteps = 10 };
        valid.Validate();
        var bad = option switch
        {
            "MaxLrs" => valid with { MaxLrs = [0] },
            "TotalSteps" => valid with { TotalSteps = 0 },
            "PctStart" => valid with { PctStart = 1.2 },
            "DivFactor" => valid with { DivFactor = -25 },
            "FinalDivFactor" => valid with { FinalDivFactor = 0 },
            _ => valid with { Moms = (0.95, 1.5, 0.95) },
        };
        Assert.Equal(option, Assert.Throws<ArgumentException>(bad.Validate).ParamName);
        Assert.Equal(option, Assert.Throws<ArgumentException>(() => new FastaiOneCycleSchedule(bad)).ParamName);
    }
}
