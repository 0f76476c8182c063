using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>
/// One optimizer step, shared by the range test and the trainer: forward, loss and backward over
/// <c>accumulationSteps</c> micro-batches (each loss divided by their number, so gradients are averaged),
/// then the optimizer step; all intermediate tensors die with the step's dispose scope.
/// </summary>
/// <remarks>
/// <para>A NaN or infinite loss ends the step at once, before the optimizer steps, so the weights never take in
/// a non-finite gradient; the caller sees the non-finite loss and stops.</para>
/// <para>Large models get a gen-0 garbage collection after each step (<see cref="NativeHeapGuard"/>): TorchSharp's
/// optimizers leave undisposed <see cref="TorchSharp.Scalar"/>s behind, which no dispose scope tracks, and without it the
/// process's resident memory grows by about one large tensor per step.</para>
/// <para>The whole step, and the validation pass between steps, run with the finalizer thread parked
/// (<see cref="FinalizerHold"/>): a collection triggered by another thread would otherwise let TorchSharp's temporary
/// Scalars (the optimizer's, and those of a forward pass such as <c>h * 0.5</c>) be freed under running native
/// calls. Dispose the step to let the finalizer thread go.</para>
/// </remarks>
/// <param name="finalizers">The hold to use (tests pass one with their own <see cref="FinalizerHold.MaxHold"/>).</param>
internal sealed class TrainingStep(nn.Module<Tensor, Tensor> model, LossFunction loss, optim.Optimizer optimizer, int accumulationSteps,
    FinalizerHold? finalizers = null)
    : IDisposable
{
    private readonly NativeHeapGuard _heapGuard = NativeHeapGuard.For(model);
    private readonly FinalizerHold _finalizers = finalizers ?? new();

    /// <summary>Runs the step on the next batches and returns the mean micro-batch loss.</summary>
    public double Run(IEnumerator<(Tensor X, Tensor Y)> batches) => Held(() => RunScoped(batches), AfterStep);

    /// <summary>The loss of the fixed validation subset, with the finalizer thread parked as during a step.</summary>
    public double Validate(ValidationSubset subset) => Held(() => subset.Evaluate(model, loss), LetFinalizersGoWhenDue);

    private double Held(Func<double> work, Action afterwards)
    {
        _finalizers.Hold();
        try
        {
            return work();
        }
        finally
        {
            afterwards();
        }
    }

    /// <summary>Parks held for the finalizer thread so far (one covers consecutive steps up to <see cref="FinalizerHold.MaxHold"/>).</summary>
    internal int FinalizerParks => _finalizers.Parks;

    /// <summary>Whether the finalizer thread is parked for this step right now.</summary>
    internal bool HoldsFinalizers => _finalizers.IsHeld;

    public void Dispose() => _finalizers.Dispose();

    private void AfterStep()
    {
        LetFinalizersGoWhenDue();
        _heapGuard.AfterStep(); // large models only; it waits for the finalizers, which were just let go
    }

    // Large models let go at once (their heap guard collects after each step); small ones after MaxHold.
    private void LetFinalizersGoWhenDue()
    {
        if (_heapGuard.Collects) _finalizers.Release();
        else _finalizers.ReleaseIfDue();
    }

    private double RunScoped(IEnumerator<(Tensor X, Tensor Y)> batches)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        double sum = 0;
        for (int micro = 0; micro < accumulationSteps; micro++)
        {
            batches.MoveNext(); // endless: TrainingData.Batches throws instead of ending
            var (x, y) = batches.Current;
            var value = loss(model.call(x), y);
            double v = ScalarValue(value);
            if (!double.IsFinite(v)) return v;
            sum += v;
            Backward(value);
        }
        double mean = sum / accumulationSteps;
        if (double.IsFinite(mean)) optimizer.step();
        return mean;
    }

    /// <summary>Backward of the micro-batch loss divided by the number of micro-batches.</summary>
    private void Backward(Tensor value)
    {
        if (accumulationSteps == 1)
        {
            value.backward();
            return;
        }
        using Scalar parts = accumulationSteps; // disposed here: dispose scopes track tensors only
        (value / parts).backward();
    }

    /// <summary>Mean loss over <paramref name="batches"/> in eval mode without gradients, weighted by batch size.</summary>
    public static double Evaluate(nn.Module<Tensor, Tensor> model, LossFunction loss, IReadOnlyList<(Tensor X, Tensor Y)> batches)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        bool wasTraining = model.training;
        model.eval();
        try
        {
            double sum = 0, rows = 0;
            foreach (var (x, y) in batches)
            {
                long n = x.shape[0];
                sum += ScalarValue(loss(model.call(x), y)) * n;
                rows += n;
            }
            return sum / rows;
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static double ScalarValue(Tensor value) => value.numel() == 1
        ? value.ToDouble()
        : throw new ArgumentException(
            $"The loss must return a single value (use a mean or sum reduction); it returned shape [{string.Join(", ", value.shape)}].", "loss");
}
