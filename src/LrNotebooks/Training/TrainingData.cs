using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>
/// Mini-batches (X, Y) from the shapes a user has: a (X, Y) tensor pair (batched here), any
/// IEnumerable&lt;(Tensor, Tensor)&gt;, or a TorchSharp DataLoader. Batches repeat endlessly.
/// </summary>
public sealed class TrainingData
{
    public static TrainingData FromTensors(Tensor x, Tensor y, int batchSize, bool shuffle = true) => throw new NotImplementedException();
    public static TrainingData FromBatches(IEnumerable<(Tensor X, Tensor Y)> batches) => throw new NotImplementedException();
    /// <summary>Accepts any of the supported shapes; throws ArgumentException (parameter "data") naming what is expected.</summary>
    public static TrainingData From(object data, int batchSize) => throw new NotImplementedException();
    /// <summary>Endless batches; <paramref name="generator"/> drives the shuffle of tensor-pair data.</summary>
    public IEnumerable<(Tensor X, Tensor Y)> Batches(Generator? generator = null) => throw new NotImplementedException();
}
