using LrNotebooks.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.RangeTest;

/// <summary>The learning-rate range test. The model, optimizer and torch RNG are bitwise as before, whatever happens.</summary>
public static class LrFinder
{
    public static RangeTestResult Run(
        nn.Module<Tensor, Tensor> model,
        TrainingData data,
        LossFunction loss,
        OptimizerChoice optimizer,
        RangeTestOptions? options = null,
        TrainingData? validation = null,
        IProgress<RangeTestProgress>? progress = null,
        CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
