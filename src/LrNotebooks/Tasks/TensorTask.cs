using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>
/// A built-in task made of in-memory tensors: seeded data, a seeded model, a named loss. Subclasses say only
/// what differs: how to generate the data and which model to build.
/// </summary>
internal abstract class TensorTask : BuiltInTask
{
    /// <summary>One of <see cref="LossFunctions.Names"/>.</summary>
    public abstract string LossName { get; }
    public virtual int BatchSize => 64;
    protected const int TrainCount = 1024;
    protected const int ValidationCount = 256;

    // Data generation and initialisation create TorchSharp Scalars too (see FinalizerHold).
    public sealed override TaskInstance Create(int seed = 0) => FinalizerHold.During(() => Assemble(GenerateData(seed), seed));

    /// <summary>The task's seeded model and loss over <paramref name="data"/> (the task's own data, or a variant of it).</summary>
    internal TaskInstance Assemble(TaskTensors data, int seed)
    {
        var model = BuildModel(seed);
        return new TaskInstance(
            Name,
            model,
            TrainingData.FromTensors(data.TrainX, data.TrainY, BatchSize, shuffle: true),
            TrainingData.FromTensors(data.ValidationX, data.ValidationY, BatchSize, shuffle: false),
            LossFunctions.ByName(LossName),
            LossName);
    }

    internal TaskTensors GenerateData(int seed)
    {
        using var scope = NewDisposeScope();
        using var generator = TaskRandom.DataGenerator(seed);
        var (x, y) = Generate(TrainCount + ValidationCount, generator);
        return TaskTensors.Split(x, y, TrainCount);
    }

    internal nn.Module<Tensor, Tensor> BuildModel(int seed) => TaskRandom.WithSeededGlobalRng(seed, NewModel);

    /// <summary>
    /// <paramref name="count"/> independent examples (rows in random order), every random draw from
    /// <paramref name="generator"/>.
    /// </summary>
    protected abstract (Tensor X, Tensor Y) Generate(int count, Generator generator);

    protected abstract nn.Module<Tensor, Tensor> NewModel();
}
