using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>
/// Mini-batches (X, Y) from the shapes a user has: a (X, Y) tensor pair (batched here), any
/// IEnumerable&lt;(Tensor, Tensor)&gt;, or a TorchSharp DataLoader. Batches repeat endlessly.
/// </summary>
/// <remarks>
/// Batches made here (slices of a tensor pair, or a DataLoader's collated batches) are created inside the
/// caller's dispose scope, so a training step that reads them inside its own scope frees them; batches
/// the user already holds (a list of tensors) are never disposed.
/// </remarks>
public sealed class TrainingData
{
    internal const string Accepted =
        "a (Tensor X, Tensor Y) tuple, an IEnumerable<(Tensor, Tensor)>, or a TorchSharp DataLoader " +
        "(over a TensorDataset of X and Y, or a Dataset whose items have keys such as \"data\" and \"label\")";

    // One pass over the data; the generator drives the shuffle of tensor-pair data.
    private readonly Func<Generator?, IEnumerable<(Tensor X, Tensor Y)>> _pass;

    private TrainingData(string description, Func<Generator?, IEnumerable<(Tensor X, Tensor Y)>> pass) =>
        (Description, _pass) = (description, pass);

    /// <summary>e.g. "tensors 1000 x [2], batch 64" or "DataLoader".</summary>
    public string Description { get; }

    /// <summary>
    /// Batches of <paramref name="batchSize"/> rows, reshuffled each pass. When there are at least
    /// <paramref name="batchSize"/> rows, the last partial batch of a pass is dropped (as fastai does for
    /// training) so that no tiny batch adds noise to the loss curve.
    /// </summary>
    public static TrainingData FromTensors(Tensor x, Tensor y, int batchSize, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (batchSize < 1)
            throw new ArgumentException($"BatchSize (--batch-size) must be at least 1; got {batchSize}.", "BatchSize");
        if (x.dim() == 0 || y.dim() == 0 || x.shape[0] != y.shape[0])
            throw new ArgumentException(
                $"X and Y must have the same first (batch) dimension; got X [{string.Join(", ", x.shape)}] and Y [{string.Join(", ", y.shape)}].", "data");
        long rows = x.shape[0];
        if (rows == 0) throw new ArgumentException("X and Y have no rows.", "data");
        return new($"tensors {rows} x [{string.Join(", ", x.shape.Skip(1))}], batch {batchSize}",
            generator => SlicePass(x, y, batchSize, shuffle, generator));
    }

    public static TrainingData FromBatches(IEnumerable<(Tensor X, Tensor Y)> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return new(batches.GetType().Name, _ => batches.Select(Checked));
    }

    /// <summary>Accepts any of the supported shapes; throws ArgumentException (parameter "data") naming what is expected.</summary>
    public static TrainingData From(object data, int batchSize) => data switch
    {
        TrainingData ready => ready,
        ValueTuple<Tensor, Tensor> pair => FromTensors(pair.Item1, pair.Item2, batchSize),
        Tuple<Tensor, Tensor> pair => FromTensors(pair.Item1, pair.Item2, batchSize),
        IEnumerable<(Tensor, Tensor)> batches => FromBatches(batches),
        // TensorDataset-based DataLoader yields IList<Tensor> { X, Y }.
        IEnumerable<IList<Tensor>> lists => new(data.GetType().Name, _ => lists.Select(FromList)),
        // Map-style Dataset DataLoader yields dictionaries.
        IEnumerable<Dictionary<string, Tensor>> dictionaries => new(data.GetType().Name, _ => dictionaries.Select(FromDictionary)),
        null => throw new ArgumentException($"No data given. Expected {Accepted}.", "data"),
        _ => throw new ArgumentException($"Unsupported data of type {data.GetType().Name}. Expected {Accepted}.", "data"),
    };

    /// <summary>Endless batches; <paramref name="generator"/> drives the shuffle of tensor-pair data.</summary>
    /// <exception cref="ArgumentException">A pass over the data yielded no batch (parameter "data").</exception>
    public IEnumerable<(Tensor X, Tensor Y)> Batches(Generator? generator = null)
    {
        while (true)
        {
            bool any = false;
            foreach (var batch in _pass(generator))
            {
                any = true;
                yield return batch;
            }
            if (!any) throw new ArgumentException($"The data yielded no batches. Expected {Accepted} with at least one batch.", "data");
        }
    }

    private static IEnumerable<(Tensor X, Tensor Y)> SlicePass(Tensor x, Tensor y, int batchSize, bool shuffle, Generator? generator)
    {
        long rows = x.shape[0];
        long size = Math.Min(batchSize, rows);
        // The order outlives the step's dispose scope that happens to be open when the pass starts.
        var order = (shuffle ? randperm(rows, generator: generator) : arange(rows)).DetachFromDisposeScope();
        try
        {
            for (long start = 0; start + size <= rows; start += size)
            {
                using var index = order.narrow(0, start, size);
                yield return (x.index_select(0, index), y.index_select(0, index));
            }
        }
        finally
        {
            order.Dispose();
        }
    }

    private static (Tensor X, Tensor Y) FromList(IList<Tensor> batch) => batch.Count == 2
        ? Checked((batch[0], batch[1]))
        : throw new ArgumentException(
            $"Each DataLoader batch must hold exactly two tensors (X, Y); got {batch.Count}. Expected {Accepted}.", "data");

    // Key names used by TorchSharp's examples and by PyTorch habit, in order of preference.
    private static readonly (string X, string Y)[] KeyPairs =
        [("data", "label"), ("data", "target"), ("input", "target"), ("inputs", "targets"), ("x", "y"), ("features", "label"), ("features", "labels"), ("image", "label")];

    private static (Tensor X, Tensor Y) FromDictionary(Dictionary<string, Tensor> batch)
    {
        var byName = batch.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value);
        foreach (var (xKey, yKey) in KeyPairs)
            if (byName.TryGetValue(xKey, out var x) && byName.TryGetValue(yKey, out var y))
                return Checked((x, y));
        throw new ArgumentException(
            $"A DataLoader batch has keys [{string.Join(", ", batch.Keys)}]; expected an input and a target key such as " +
            $"{string.Join(", ", KeyPairs.Select(p => $"\"{p.X}\"/\"{p.Y}\""))}.", "data");
    }

    private static (Tensor X, Tensor Y) Checked((Tensor X, Tensor Y) batch)
    {
        if (batch.X is null || batch.Y is null)
            throw new ArgumentException($"A batch holds a null tensor. Expected {Accepted}.", "data");
        if (batch.X.dim() == 0 || batch.Y.dim() == 0 || batch.X.shape[0] != batch.Y.shape[0])
            throw new ArgumentException(
                $"A batch's X [{string.Join(", ", batch.X.shape)}] and Y [{string.Join(", ", batch.Y.shape)}] differ in their first (batch) dimension.", "data");
        return batch;
    }
}
