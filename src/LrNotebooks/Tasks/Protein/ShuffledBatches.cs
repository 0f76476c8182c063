using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>
/// Endless mini-batches of the rows of a tensor: each epoch visits every row once, in an order drawn from
/// the generator; the last batch of an epoch may be smaller. Batches belong to the caller's dispose scope.
/// </summary>
public static class ShuffledBatches
{
    public static IEnumerable<Tensor> Of(Tensor rows, int batchSize, Generator generator)
    {
        if (batchSize < 1)
            throw new ArgumentException($"The batch size must be at least 1, not {batchSize}.", nameof(batchSize));
        var count = rows.shape[0];
        while (true)
        {
            // The order is copied out so that no tensor outlives the scope of the step that asked for a batch.
            long[] order;
            using (var permutation = randperm(count, generator: generator))
                order = permutation.data<long>().ToArray();
            for (long start = 0; start < count; start += batchSize)
            {
                var size = (int)Math.Min(batchSize, count - start);
                using var indices = tensor(order.AsSpan((int)start, size).ToArray());
                yield return rows.index_select(0, indices);
            }
        }
    }
}
