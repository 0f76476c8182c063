using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Speed;

/// <summary>
/// A range-test workload both sides (TorchSharp and PyTorch) build alike: an MLP of the given widths (ReLU between
/// layers) trained with AdamW (weight decay 0.01) and cross-entropy on random data, <see cref="Steps"/> steps at a
/// time. The same description goes to the Python worker, so "same architecture, data sizes, steps" holds by construction.
/// </summary>
internal sealed record SpeedCase(string Name, int[] Widths, int Rows, int BatchSize, int Steps)
{
    /// <summary>The mission's reference workload (a few ms per step).</summary>
    public static SpeedCase Mlp256 { get; } = new("mlp 64-256-256-10, batch 256", [64, 256, 256, 10], 4096, 256, 100);

    /// <summary>The default task's shape (2-64-64-3, batch 64): tiny steps, so any fixed cost per step shows.</summary>
    public static SpeedCase SpiralsShape { get; } = new("mlp 2-64-64-3, batch 64 (default task's shape)", [2, 64, 64, 3], 1024, 64, 100);

    /// <summary>Big enough that its parameters and optimizer state stand out from the process's resident memory.</summary>
    public static SpeedCase Wide { get; } = new("mlp 1024-2048-2048-10, batch 256", [1024, 2048, 2048, 10], 4096, 256, 100);

    /// <summary>Range of the ladder: low enough at the top that AdamW never turns the loss NaN, so every step runs on both sides.</summary>
    public const double MinLr = 1e-7, MaxLr = 1;

    public const double WeightDecay = 0.01;

    public int Classes => Widths[^1];

    public long ParameterCount => Widths.Zip(Widths.Skip(1), (a, b) => (long)a * b + b).Sum();

    public nn.Module<Tensor, Tensor> NewModel(int seed)
    {
        manual_seed(seed);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i + 1 < Widths.Length; i++)
        {
            if (i > 0) layers.Add(nn.ReLU());
            layers.Add(nn.Linear(Widths[i], Widths[i + 1]));
        }
        return nn.Sequential(layers);
    }

    /// <summary>Standard-normal inputs and uniformly random labels, outside any dispose scope.</summary>
    public (Tensor X, Tensor Y) NewData(int seed)
    {
        using var generator = new Generator((ulong)seed + 1000);
        var x = randn([Rows, Widths[0]], generator: generator).DetachFromDisposeScope();
        var y = randint(0, Classes, [Rows], dtype: ScalarType.Int64, generator: generator).DetachFromDisposeScope();
        return (x, y);
    }

    /// <summary>The JSON line that tells the Python worker to build the same workload.</summary>
    public string ToWorkerJson() =>
        System.Text.Json.JsonSerializer.Serialize(new { widths = Widths, rows = Rows, batch = BatchSize, steps = Steps, min_lr = MinLr, max_lr = MaxLr, weight_decay = WeightDecay });
}
