using System.Text.Json;
using LrNotebooks.Bench.Measurement;
using LrNotebooks.Bench.Speed;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Memory;

/// <summary>
/// Runs in a fresh child process (so no earlier run's allocator growth hides this one's): builds the wide MLP and its
/// data, warms the native code paths up on a throwaway model, then measures the peak resident memory of ONE range
/// test (ours or the hand-written loop) above the resident memory just before it.
/// </summary>
internal static class PeakMemoryProbe
{
    public sealed record Reading(string Variant, long BaselineBytes, long PeakBytes, long ParameterBytes)
    {
        public long ExtraBytes => PeakBytes - BaselineBytes;
    }

    public static Reading Measure(string variant)
    {
        set_num_threads(1);
        var speedCase = SpeedCase.Wide;
        WarmUpNativeCode();
        using var model = speedCase.NewModel(7);
        var (x, y) = speedCase.NewData(7);
        ProcessMemory.Settle();
        long baseline = ProcessMemory.ResidentBytes();
        ProcessMemory.ResetPeak();
        switch (variant)
        {
            case "engine":
                EngineRangeTest.Run(model, x, y, speedCase, 7);
                break;
            case "hand":
                HandWrittenRangeTest.Run(model, x, y, speedCase.BatchSize, EngineRangeTest.Ladder(speedCase), 7);
                break;
            case "hand-gc":
                HandWrittenRangeTest.Run(model, x, y, speedCase.BatchSize, EngineRangeTest.Ladder(speedCase), 7, ProcessMemory.Settle);
                break;
            default:
                throw new ArgumentException($"Unknown memory-probe variant '{variant}': expected engine, hand or hand-gc.", nameof(variant));
        }
        long peak = ProcessMemory.PeakResidentBytes();
        return new Reading(variant, baseline, peak, speedCase.ParameterCount * sizeof(float));
    }

    /// <summary>Loads the code a training step touches (forward, backward, AdamW) with a model too small to matter.</summary>
    private static void WarmUpNativeCode()
    {
        var tiny = SpeedCase.SpiralsShape with { Steps = 5 };
        using var model = tiny.NewModel(1);
        var (x, y) = tiny.NewData(1);
        EngineRangeTest.Run(model, x, y, tiny, 1);
        x.Dispose();
        y.Dispose();
    }

    public static string ToJson(Reading reading) => JsonSerializer.Serialize(reading);
    public static Reading FromJson(string json) => JsonSerializer.Deserialize<Reading>(json)!;
}
