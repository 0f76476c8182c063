using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Speed;

/// <summary>
/// The baseline a user would write by hand: a fresh AdamW, then per step set the LR, take the next batch of a
/// seeded shuffle, forward, cross-entropy, read the loss, backward, step. Nothing else: no snapshot, no
/// smoothing, no divergence check, no suggestion. Its batches match the engine's for the same seed
/// (randperm from a generator seeded with the run's seed, one pass after another, last partial batch dropped).
/// </summary>
internal static class HandWrittenRangeTest
{
    /// <param name="afterStep">Called after each step (the memory benchmark collects garbage there to see what waits for finalizers).</param>
    public static (double[] Losses, double Milliseconds) Run(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int batchSize, double[] ladder, int seed, Action? afterStep = null)
    {
        var clock = Stopwatch.StartNew();
        var losses = new double[ladder.Length];
        using var optimizer = optim.AdamW(model.parameters(), ladder[0], weight_decay: SpeedCase.WeightDecay);
        using var order = new Generator((ulong)seed);
        long rows = x.shape[0];
        Tensor? permutation = null;
        long next = rows;
        model.train();
        for (int step = 0; step < ladder.Length; step++)
        {
            using var scope = NewDisposeScope();
            if (next + batchSize > rows)
            {
                permutation?.Dispose();
                permutation = randperm(rows, generator: order).DetachFromDisposeScope();
                next = 0;
            }
            foreach (var group in optimizer.ParamGroups) group.LearningRate = ladder[step];
            var index = permutation!.narrow(0, next, batchSize);
            next += batchSize;
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, index)), y.index_select(0, index));
            losses[step] = loss.ToDouble();
            loss.backward();
            optimizer.step();
            afterStep?.Invoke();
        }
        permutation?.Dispose();
        return (losses, clock.Elapsed.TotalMilliseconds);
    }
}
