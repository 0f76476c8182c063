using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.TestSupport;

/// <summary>Small deterministic models and data built inside the tests.</summary>
internal static class Synthetic
{
    // On 2 shared cores under load, torch's second intra-op thread makes these tiny models 5-20x slower.
    static Synthetic() => set_num_threads(1);

    /// <summary>A 2 -> hidden -> hidden -> 3 MLP, optionally with BatchNorm and Dropout (buffers and RNG use).</summary>
    public static nn.Module<Tensor, Tensor> Mlp(int seed, int hidden = 64, bool batchNormAndDropout = false)
    {
        manual_seed(seed);
        return batchNormAndDropout
            ? nn.Sequential(nn.Linear(2, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(0.2), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 3))
            : nn.Sequential(nn.Linear(2, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 3));
    }

    /// <summary>Three Gaussian blobs in 2-D: X float32 [n, 2], Y int64 class labels.</summary>
    public static (Tensor X, Tensor Y) Blobs(int seed, int n = 512)
    {
        using var generator = new Generator((ulong)seed);
        var y = randint(0, 3, n, generator: generator);
        using var centres = tensor(new float[] { 0, 0, 3, 0, 0, 3 }).reshape(3, 2);
        var x = centres.index_select(0, y) + randn(n, 2, generator: generator) * 0.7f;
        return (x, y);
    }

    /// <summary>The same data split into fixed batches, for the IEnumerable data shape.</summary>
    public static List<(Tensor X, Tensor Y)> Batches(int seed, int batches, int batchSize)
    {
        var (x, y) = Blobs(seed, batches * batchSize);
        return Enumerable.Range(0, batches)
            .Select(i => (x.narrow(0, i * batchSize, batchSize).clone(), y.narrow(0, i * batchSize, batchSize).clone()))
            .ToList();
    }

    public static LrNotebooks.Training.LossFunction CrossEntropy => (p, t) => nn.functional.cross_entropy(p, t);
}

/// <summary>IProgress that records on the calling thread (Progress&lt;T&gt; would post to a context).</summary>
internal sealed class RecordingProgress<T>(Action<T>? onReport = null) : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}

/// <summary>Wraps a model and lets a test intervene in its forward pass (throw, record modes).</summary>
internal sealed class ProbeModule : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> inner;
    private readonly Func<int, Tensor, Tensor, Tensor> _after;

    public int Calls { get; private set; }

    /// <param name="after">Given the call number (1-based), the input and the inner output, returns the output.</param>
    public ProbeModule(nn.Module<Tensor, Tensor> model, Func<int, Tensor, Tensor, Tensor> after) : base("probe")
    {
        inner = model;
        _after = after;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _after(++Calls, input, inner.call(input));
}

/// <summary>A schedule written in the test: LR and momentum as simple functions of the step.</summary>
internal sealed class LinearTestSchedule(int totalSteps, double lr0, double lrSlope, double? momentum0, double momentumSlope = 0) : LrNotebooks.Schedules.ISchedule
{
    public int TotalSteps => totalSteps;

    public LrNotebooks.Schedules.HyperParameters At(int step, int group = 0) =>
        new(lr0 + lrSlope * step, momentum0 is double m ? m + momentumSlope * step : null);
}
