using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LrNotebooks.Tests.TestSupport;
using LrNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Training;

/// <summary>
/// The training step parks the finalizer thread (<see cref="FinalizerHold"/>) so that TorchSharp's temporary Scalars
/// are not freed under running native calls when another thread collects. The crash itself is too rare for a unit
/// test (about 1 step in 100-1000 under a collecting thread, depending on scheduling); these tests check the
/// invariant that prevents it: no finalizer runs while a step runs.
/// </summary>
public class FinalizerHoldTests
{
    private const int Steps = 60;
    private const int CollectorRounds = 200;

    /// <param name="hidden">64: a small model, one park covers many steps; 1100: a large one, let go after every step.</param>
    /// <param name="validates">Also run the validation pass after every step, as the range test and the trainer do.</param>
    [Theory]
    [InlineData(64, false)]
    [InlineData(1100, true)]
    public void No_finalizer_runs_inside_a_step_or_a_validation_pass_while_another_thread_collects(int hidden, bool validates)
    {
        var window = new StepWindow();
        var model = Synthetic.Mlp(0, hidden);
        using var optimizer = optim.AdamW(model.parameters(), 1e-3);
        // The loss (of steps and validation alike) marks the inside and widens it by a millisecond of spinning (a
        // sleep would be a managed wait, on which the hold lets the finalizer thread go).
        LossFunction loss = (p, t) =>
        {
            window.Inside = true;
            var spin = Stopwatch.StartNew();
            while (spin.Elapsed < TimeSpan.FromMilliseconds(1)) Thread.SpinWait(20);
            var value = Synthetic.CrossEntropy(p, t);
            window.Inside = false;
            return value;
        };
        using var subset = ValidationSubset.Take(TrainingData.FromBatches(Synthetic.Batches(1, 2, 16)), 2, null);

        int steps = 0;
        using (var step = new TrainingStep(model, loss, optimizer, accumulationSteps: 1))
        using (var collector = new Collector(window))
        {
            // Until the other thread has collected often enough to meet many steps (bounded for a stalled machine).
            while ((collector.Rounds < CollectorRounds || steps < Steps) && steps < 50 * Steps)
            {
                RunSteps(step, 1);
                if (validates) Assert.True(double.IsFinite(step.Validate(subset)));
                steps++;
            }
            Assert.True(collector.Rounds >= CollectorRounds, $"the collecting thread ran {collector.Rounds} rounds in {steps} steps");
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.True(window.Finalized >= CollectorRounds, $"expected the sentinels finalized, got {window.Finalized}");
        Assert.Equal(0, window.FinalizedInside);
    }

    [Fact]
    public void A_tensor_factory_that_waits_for_finalizers_inside_a_step_fails_instead_of_hanging()
    {
        var model = Synthetic.Mlp(0);
        using var optimizer = optim.AdamW(model.parameters(), 1e-3);
        // A negative size makes the native factory fail, and TorchSharp then waits for pending finalizers and retries.
        LossFunction loss = (p, t) =>
        {
            using var invalid = zeros([-1]);
            return Synthetic.CrossEntropy(p, t);
        };
        using var step = new TrainingStep(model, loss, optimizer, accumulationSteps: 1);
        Exception? thrown = null;
        var worker = new Thread(() => thrown = Record.Exception(() => RunSteps(step, 1))) { IsBackground = true };

        worker.Start();
        Assert.True(worker.Join(TimeSpan.FromSeconds(30)), "the step still waits for the parked finalizer thread");
        Assert.IsAssignableFrom<ExternalException>(thrown);
    }

    [Fact]
    public void An_interrupted_park_does_not_leave_the_finalizer_thread_parked()
    {
        // A slow finalizer ahead of the park keeps Hold waiting; the holder is interrupted there and then stays busy
        // (neither waiting nor ended), so only the park's own clean-up can let the finalizer thread go.
        SlowFinalizer.Abandon(TimeSpan.FromMilliseconds(300));
        GC.Collect(0);
        var interrupted = new ManualResetEventSlim();
        using var stop = new CancellationTokenSource();
        var holder = new Thread(() =>
        {
            using var hold = new FinalizerHold();
            try
            {
                hold.Hold();
            }
            catch (ThreadInterruptedException)
            {
                interrupted.Set();
                while (!stop.IsCancellationRequested) Thread.SpinWait(100);
            }
        }) { IsBackground = true };
        holder.Start();
        Thread.Sleep(50);
        holder.Interrupt();
        Assert.True(interrupted.Wait(TimeSpan.FromSeconds(5)), "Hold did not wait behind the slow finalizer");

        var waiter = new Thread(GC.WaitForPendingFinalizers) { IsBackground = true };
        waiter.Start();
        bool finalizersRan = waiter.Join(TimeSpan.FromSeconds(3));
        stop.Cancel();
        holder.Join();
        Assert.True(finalizersRan, "the finalizer thread stayed parked after the interrupted Hold");
    }

    private sealed class SlowFinalizer(TimeSpan duration)
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Abandon(TimeSpan duration) => _ = new SlowFinalizer(duration);

        ~SlowFinalizer() => Thread.Sleep(duration);
    }

    [Fact]
    public void Small_models_keep_the_finalizer_thread_parked_across_steps_until_disposed()
    {
        var model = Synthetic.Mlp(0);
        using var optimizer = optim.AdamW(model.parameters(), 1e-3);
        // A hold longer than the test, so that a pause of the machine cannot let it go early.
        var step = new TrainingStep(model, Synthetic.CrossEntropy, optimizer, accumulationSteps: 1, new FinalizerHold(TimeSpan.FromMinutes(10)));

        RunSteps(step, 20);
        Assert.True(step.HoldsFinalizers);
        Assert.True(step.FinalizerParks < 20, $"expected one park to cover several steps, saw {step.FinalizerParks} in 20 steps");
        step.Dispose();

        Assert.False(step.HoldsFinalizers);
    }

    [Fact]
    public void Large_models_let_the_finalizer_thread_go_after_every_step()
    {
        var model = Synthetic.Mlp(0, hidden: 1100);
        Assert.True(NativeHeapGuard.ParameterBytes(model) > NativeHeapGuard.ParameterBytesThreshold);
        using var optimizer = optim.AdamW(model.parameters(), 1e-3);
        using var step = new TrainingStep(model, Synthetic.CrossEntropy, optimizer, accumulationSteps: 1);

        RunSteps(step, 3);

        Assert.False(step.HoldsFinalizers);
        Assert.Equal(3, step.FinalizerParks);
    }

    private static void RunSteps(TrainingStep step, int steps)
    {
        var batches = Synthetic.Batches(0, 1, 16);
        using var endless = Enumerable.Repeat(batches[0], steps).GetEnumerator();
        try
        {
            for (int i = 0; i < steps; i++) Assert.True(double.IsFinite(step.Run(endless)));
        }
        finally
        {
            foreach (var (x, y) in batches) { x.Dispose(); y.Dispose(); }
        }
    }

    /// <summary>Whether the training thread is inside the step, and the sentinel finalizers seen in and out of it.</summary>
    private sealed class StepWindow
    {
        private volatile bool _inside;
        private int _finalized, _finalizedInside;

        public bool Inside { get => _inside; set => _inside = value; }
        public int Finalized => Volatile.Read(ref _finalized);
        public int FinalizedInside => Volatile.Read(ref _finalizedInside);

        public void Record()
        {
            Interlocked.Increment(ref _finalized);
            if (_inside) Interlocked.Increment(ref _finalizedInside);
        }
    }

    /// <summary>A thread that keeps abandoning finalizable sentinels and collecting them, like a busy notebook kernel.</summary>
    private sealed class Collector : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private int _rounds;

        public int Rounds => Volatile.Read(ref _rounds);

        public Collector(StepWindow window)
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    Abandon(window);
                    GC.Collect(0);
                    Interlocked.Increment(ref _rounds);
                    Thread.Sleep(1);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Abandon(StepWindow window) => _ = new Sentinel(window);
    }

    private sealed class Sentinel(StepWindow window)
    {
        ~Sentinel() => window.Record();
    }
}
