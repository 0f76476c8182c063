using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>
/// A fixed handful of validation batches, taken once and owned here (cloned, because a DataLoader
/// disposes its batches as it moves on), so every measurement sees the same examples and stays cheap.
/// </summary>
internal sealed class ValidationSubset : IDisposable
{
    private readonly List<(Tensor X, Tensor Y)> _batches;

    private ValidationSubset(List<(Tensor X, Tensor Y)> batches) => _batches = batches;

    public static ValidationSubset Take(TrainingData data, int batchCount, Generator? generator)
    {
        // The scope frees batches the data adapters made while we read; the user's own tensors are untouched.
        using var scope = NewDisposeScope();
        var owned = new List<(Tensor X, Tensor Y)>(batchCount);
        using var batches = data.Batches(generator).GetEnumerator();
        while (owned.Count < batchCount && batches.MoveNext())
        {
            var (x, y) = batches.Current;
            owned.Add((x.detach().clone().DetachFromDisposeScope(), y.detach().clone().DetachFromDisposeScope()));
        }
        return new(owned);
    }

    public double Evaluate(nn.Module<Tensor, Tensor> model, LossFunction loss) => TrainingStep.Evaluate(model, loss, _batches);

    public void Dispose()
    {
        foreach (var (x, y) in _batches)
        {
            x.Dispose();
            y.Dispose();
        }
    }
}
