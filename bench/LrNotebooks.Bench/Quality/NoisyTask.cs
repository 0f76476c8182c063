using LrNotebooks.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Quality;

/// <summary>
/// A built-in task with irreducible noise in its targets, training and validation alike: a share of the class labels
/// replaced by uniformly drawn ones, or, for regression, Gaussian noise whose variance is that share of the targets'
/// variance. Most tasks as built are solved almost perfectly (validation loss down to 0.0003), so a loss ratio between
/// two good learning rates measures the last digits of a near-perfect fit; real data has a loss floor, and so does this.
/// </summary>
internal sealed class NoisyTask(TensorTask inner, double share) : BuiltInTask
{
    public double Share => share;

    public override string Name => $"{inner.Name}+noise{share:0.##}";

    public override string Description => $"{inner.Description}; {share * 100:0}% target noise";

    private bool IsRegression => inner.LossName == "mse";

    public override TaskInstance Create(int seed = 0)
    {
        var clean = inner.GenerateData(seed);
        TaskTensors noisy;
        using (var scope = NewDisposeScope())
        {
            // A generator of its own, so the noise is fixed per seed and the task's data and weights stay as they were.
            using var generator = new Generator(0x5EED_0000UL + (ulong)seed);
            double regressionNoise = IsRegression ? Math.Sqrt(share * clean.TrainY.var().ToDouble()) : 0;
            noisy = clean with
            {
                TrainY = WithNoise(clean.TrainY, generator, regressionNoise).MoveToOuterDisposeScope(),
                ValidationY = WithNoise(clean.ValidationY, generator, regressionNoise).MoveToOuterDisposeScope(),
            };
        }
        clean.TrainY.Dispose();
        clean.ValidationY.Dispose();
        return inner.Assemble(noisy, seed);
    }

    private Tensor WithNoise(Tensor y, Generator generator, double regressionNoise)
    {
        if (IsRegression)
            return y + randn(y.shape, generator: generator) * regressionNoise;
        // Class ids (cross-entropy) or 0/1 targets (bce): a replaced label is drawn from all classes, itself included.
        long classes = Math.Max(2, (long)y.max().ToDouble() + 1);
        var replace = rand(y.shape, generator: generator).lt(share);
        var drawn = randint(0, classes, y.shape, generator: generator).to(y.dtype);
        return where(replace, drawn, y);
    }
}
