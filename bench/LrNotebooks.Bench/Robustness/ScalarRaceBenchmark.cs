using System.Diagnostics;
using System.Runtime.InteropServices;
using LrNotebooks.Schedules;
using LrNotebooks.Tasks;
using LrNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Robustness;

/// <summary>
/// Native crashes inside optimizer steps while another thread collects garbage: TorchSharp's temporary Scalars can be
/// finalized under a running native call (see src/LrNotebooks/Training/FinalizerHold.cs). Short trainings of the
/// shapes CNN with AdamW run while a second thread either allocates and collects (GC.Collect +
/// WaitForPendingFinalizers) in a loop, or only allocates (the collections then come from the allocations), each
/// time as a hand-written loop (no guard) and through the engine's Trainer (the finalizer thread parked during
/// steps). Prints how many trainings failed with a native error, and the messages.
/// </summary>
internal static class ScalarRaceBenchmark
{
    private const int StepsPerTraining = 100;
    private const double LearningRate = 1e-3;

    public static void Run(BenchSettings settings)
    {
        int trainings = settings.QuickMode ? 5 : 50;
        set_num_threads(1);
        var task = BuiltInTasks.Get("shapes");
        Console.WriteLine("## Native crashes in optimizer steps while another thread collects garbage");
        Console.WriteLine($"{trainings} trainings of {StepsPerTraining} AdamW steps (LR {LearningRate}, wd 0.01) on the shapes CNN per contender, 1 torch thread, "
            + "while a second thread allocates, with or without calling GC.Collect + GC.WaitForPendingFinalizers in a loop. A training ends at its first native error.");
        Console.WriteLine();
        Console.WriteLine("| other thread | contender | failed trainings | steps run | gen-0 collections | seconds | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (bool collects in new[] { true, false })
        {
            Report(collects, "hand-written loop (no guard)", trainings, seed => HandWrittenTraining(task, seed));
            Report(collects, "engine Trainer (finalizer thread parked during steps)", trainings, seed => EngineTraining(task, seed));
        }
        Console.WriteLine();
    }

    private static void Report(bool collects, string name, int trainings, Func<int, int> train)
    {
        var errors = new Dictionary<string, int>();
        int failed = 0, steps = 0;
        var clock = Stopwatch.StartNew();
        int collectionsBefore = GC.CollectionCount(0);
        using (new StressThread(collects))
        {
            for (int seed = 0; seed < trainings; seed++)
            {
                try
                {
                    steps += train(seed);
                }
                catch (Exception e) when (NativeError(e) is { } native)
                {
                    failed++;
                    string message = native.Message.Split('\n')[0].Trim();
                    errors[message] = errors.GetValueOrDefault(message) + 1;
                }
            }
        }
        Console.WriteLine($"| {(collects ? "allocates, collects, waits for finalizers" : "allocates only")} | {name} | **{failed}/{trainings}** | {steps} | "
            + $"{GC.CollectionCount(0) - collectionsBefore} | {clock.Elapsed.TotalSeconds:0.0} | "
            + (errors.Count == 0 ? "none" : string.Join("; ", errors.Select(e => $"{e.Value} x \"{e.Key}\""))) + " |");
    }

    /// <summary>The engine wraps errors in the user's model or optimizer; the native one is inside.</summary>
    private static ExternalException? NativeError(Exception e) =>
        e as ExternalException ?? (e.InnerException is { } inner ? NativeError(inner) : null);

    /// <returns>The steps completed.</returns>
    private static int HandWrittenTraining(BuiltInTask task, int seed)
    {
        using var instance = task.Create(seed);
        using var optimizer = optim.AdamW(instance.Model.parameters(), LearningRate, weight_decay: 0.01);
        using var order = new Generator((ulong)seed);
        instance.Model.train();
        int steps = 0;
        while (steps < StepsPerTraining)
            foreach (var (x, y) in instance.Train.Batches(order))
            {
                if (steps == StepsPerTraining) break;
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = instance.Loss(instance.Model.call(x), y);
                loss.backward();
                optimizer.step();
                steps++;
            }
        return steps;
    }

    private static int EngineTraining(BuiltInTask task, int seed)
    {
        using var instance = task.Create(seed);
        using var optimizer = optim.AdamW(instance.Model.parameters(), LearningRate, weight_decay: 0.01);
        var result = Trainer.Train(instance.Model, instance.Train, instance.Loss, optimizer,
            new ConstantSchedule(StepsPerTraining, LearningRate), new TrainingOptions { Seed = seed });
        return result.Losses.Length;
    }

    /// <summary>Allocates in a loop until disposed; with <c>collects</c> also collects and waits for the finalizers each round.</summary>
    private sealed class StressThread : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;

        public StressThread(bool collects)
        {
            _thread = new Thread(() => Loop(collects)) { IsBackground = true, Name = "stress" };
            _thread.Start();
        }

        private void Loop(bool collects)
        {
            var garbage = new List<byte[]>();
            while (!_stop)
            {
                for (int i = 0; i < 50; i++) garbage.Add(new byte[256]);
                if (garbage.Count > 1000) garbage.Clear();
                if (!collects) continue;
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
