using LrNotebooks.Tests.TestSupport;
using LrNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Training;

/// <summary>
/// The training step's collection after each step on large models (see <see cref="NativeHeapGuard"/>). The memory
/// it saves is measured by the memory benchmark (resident memory is too noisy for a unit test); these tests pin
/// down when it runs, counted by the GC's own collection counter.
/// </summary>
public class NativeHeapGuardTests
{
    // 2 -> 1100 -> 1100 -> 3: about 1.2 M parameters (4.9 MB), just above the threshold.
    private const int LargeHidden = 1100;

    [Fact]
    public void Measures_the_parameters_in_bytes()
    {
        var model = Synthetic.Mlp(0, hidden: 8);
        long floats = (2 * 8 + 8) + (8 * 8 + 8) + (8 * 3 + 3);

        Assert.Equal(floats * sizeof(float), NativeHeapGuard.ParameterBytes(model));
    }

    [Fact]
    public void Large_models_collect_after_every_step()
    {
        var model = Synthetic.Mlp(0, hidden: LargeHidden);
        Assert.True(NativeHeapGuard.ParameterBytes(model) > NativeHeapGuard.ParameterBytesThreshold);

        int collections = CollectionsDuringSteps(model, steps: 3);

        Assert.True(collections >= 3, $"expected a gen-0 collection per step, saw {collections} in 3 steps");
    }

    [Fact]
    public void Small_models_do_not_collect_after_every_step()
    {
        var model = Synthetic.Mlp(0);
        Assert.True(NativeHeapGuard.ParameterBytes(model) <= NativeHeapGuard.ParameterBytesThreshold);

        // Spontaneous collections may happen (the counter is process-wide), but not one per step.
        int collections = CollectionsDuringSteps(model, steps: 20);

        Assert.True(collections < 20, $"expected no collection per step, saw {collections} in 20 steps");
    }

    private static int CollectionsDuringSteps(nn.Module<Tensor, Tensor> model, int steps)
    {
        using var optimizer = optim.AdamW(model.parameters(), 1e-3);
        var batches = Synthetic.Batches(0, 1, 8);
        using var step = new TrainingStep(model, Synthetic.CrossEntropy, optimizer, accumulationSteps: 1);
        using var endless = Enumerable.Repeat(batches[0], steps).GetEnumerator();
        int before = GC.CollectionCount(0);
        for (int i = 0; i < steps; i++) Assert.True(double.IsFinite(step.Run(endless)));
        int after = GC.CollectionCount(0);
        foreach (var (x, y) in batches) { x.Dispose(); y.Dispose(); }
        return after - before;
    }
}
