namespace LrNotebooks.Bench.Measurement;

/// <summary>One contender in a side-by-side timing: a run that returns its own elapsed milliseconds.</summary>
/// <remarks>The run measures itself so that untimed setup (resetting weights, talking to another process) stays out.</remarks>
internal sealed record Contender(string Name, Func<double> RunMilliseconds);

/// <summary>
/// Times contenders alternately (A B A B ...), so drift in a shared machine's load hits all of them alike,
/// after a few untimed warm-up rounds (JIT, native library loading, allocator growth).
/// </summary>
internal static class Interleaved
{
    public static IReadOnlyDictionary<string, List<double>> Run(int warmup, int repeats, params Contender[] contenders)
    {
        var times = contenders.ToDictionary(c => c.Name, _ => new List<double>());
        for (int round = 0; round < warmup + repeats; round++)
        {
            // Alternate who goes first, so neither always runs on the other's warm caches.
            var order = round % 2 == 0 ? contenders : contenders.Reverse().ToArray();
            foreach (var contender in order)
            {
                double ms = contender.RunMilliseconds();
                if (round >= warmup) times[contender.Name].Add(ms);
            }
        }
        return times;
    }
}
