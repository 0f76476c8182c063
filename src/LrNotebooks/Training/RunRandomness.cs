using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>Seeds a run: torch's global RNG (dropout, initialisation) and a private generator for the data order.</summary>
internal static class RunRandomness
{
    /// <summary>
    /// With a seed, seeds torch's RNG and derives the data generators from it. Without one, draws the
    /// generator seeds from torch's RNG, so a caller's <c>torch.manual_seed</c> still makes the run repeatable.
    /// </summary>
    public static (Generator Training, Generator Validation) Seed(int? seed)
    {
        long baseSeed;
        if (seed is int s)
        {
            manual_seed(s);
            baseSeed = s;
        }
        else
        {
            using var draw = randint(0, int.MaxValue, 1, dtype: ScalarType.Int64);
            baseSeed = draw.ToInt64();
        }
        // A separate stream for the validation subset keeps the training order independent of validation mode.
        return (new Generator(unchecked((ulong)baseSeed)), new Generator(unchecked((ulong)(baseSeed + 1))));
    }
}
