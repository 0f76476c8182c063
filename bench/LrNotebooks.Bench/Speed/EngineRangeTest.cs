using LrNotebooks.RangeTest;
using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Speed;

/// <summary>Our range test (<see cref="LrFinder.Run"/>) on a <see cref="SpeedCase"/>, timed from the call to its return.</summary>
internal static class EngineRangeTest
{
    public static RangeTestOptions Options(SpeedCase speedCase, int seed) => new()
    {
        MinLr = SpeedCase.MinLr,
        MaxLr = SpeedCase.MaxLr,
        Steps = speedCase.Steps,
        BatchSize = speedCase.BatchSize,
        // Every step must run on both sides; the ladder's top is chosen so the loss stays finite.
        DivergenceFactor = double.PositiveInfinity,
        Seed = seed,
    };

    public static (RangeTestResult Result, double Milliseconds) Run(
        nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, SpeedCase speedCase, int seed, IProgress<RangeTestProgress>? progress = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = LrFinder.Run(
            model,
            TrainingData.FromTensors(x, y, speedCase.BatchSize),
            LossFunctions.ByName("cross_entropy"),
            OptimizerChoice.Fresh(OptimizerKind.AdamW, SpeedCase.WeightDecay),
            Options(speedCase, seed),
            progress: progress);
        return (result, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The ladder the engine climbs (exp mode, both ends exact), for the hand-written loop.</summary>
    public static double[] Ladder(SpeedCase speedCase) =>
        Enumerable.Range(0, speedCase.Steps)
            .Select(k => SpeedCase.MinLr * Math.Pow(SpeedCase.MaxLr / SpeedCase.MinLr, k / (double)(speedCase.Steps - 1)))
            .ToArray();
}

/// <summary>A progress sink that does what a notebook's does at least: keeps the last report. Synchronous, unlike Progress&lt;T&gt;.</summary>
internal sealed class LastProgress : IProgress<RangeTestProgress>
{
    public RangeTestProgress? Last { get; private set; }
    public void Report(RangeTestProgress value) => Last = value;
}
