using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>
/// Seeded randomness for built-in tasks that leaves the caller's torch RNG as it was: data comes from a private
/// <see cref="Generator"/>; module constructors draw from the global RNG, so that state is saved and restored.
/// </summary>
internal static class TaskRandom
{
    public enum Stream { Data = 1, Model = 2 }

    /// <summary>A well-mixed 63-bit seed per (seed, stream), so data and weights never share a random sequence.</summary>
    public static long SeedFor(int seed, Stream stream)
    {
        ulong z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (long)((z ^ (z >> 31)) >> 1);
    }

    public static Generator DataGenerator(int seed) => new((ulong)SeedFor(seed, Stream.Data));

    /// <summary>Runs <paramref name="build"/> with the global RNG seeded, then puts the caller's RNG state back.</summary>
    public static T WithSeededGlobalRng<T>(int seed, Func<T> build)
    {
        using var saved = random.get_rng_state();
        try
        {
            random.manual_seed(SeedFor(seed, Stream.Model));
            return build();
        }
        finally
        {
            random.set_rng_state(saved);
        }
    }
}
