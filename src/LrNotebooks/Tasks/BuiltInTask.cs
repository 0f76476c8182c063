using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>A small deterministic problem (data + model + loss) that demos, tests and benchmarks run on.</summary>
public abstract class BuiltInTask
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    /// <summary>Builds the data and a freshly initialised model, deterministically from <paramref name="seed"/>.</summary>
    public abstract TaskInstance Create(int seed = 0);
}

/// <summary>A ready-to-train task: the model, training and validation data, and the loss.</summary>
public sealed record TaskInstance(
    string Name,
    nn.Module<Tensor, Tensor> Model,
    TrainingData Train,
    TrainingData Validation,
    LossFunction Loss,
    string LossName) : IDisposable
{
    public void Dispose() => Model.Dispose();
}
