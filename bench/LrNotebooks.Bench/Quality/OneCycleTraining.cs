using LrNotebooks.Schedules;
using LrNotebooks.Tasks;
using LrNotebooks.Training;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Bench.Quality;

/// <summary>
/// The yardstick every learning rate is judged by: a fresh model (the seed's initialisation), a fresh AdamW and
/// One Cycle (PyTorch defaults) up to the given max LR for a fixed number of steps, then the loss on the whole
/// validation set. With several batch orders the loss is the mean over that many trainings that differ only in the
/// order of the batches: one training's final loss moves with the order (chaos, not the LR), and the best of a grid
/// of single trainings is biased low by it. Results are cached, so a rule that picks an LR already trained costs nothing.
/// </summary>
internal sealed class OneCycleTraining(int steps, int orders)
{
    private readonly Dictionary<(string Task, int Seed, double MaxLr, int Order), double> _cache = new();

    public int Steps => steps;
    public int Orders => orders;
    public int Trainings { get; private set; }

    /// <summary>The validation loss of the seed's freshly initialised model: where every training starts from.</summary>
    public double UntrainedValidationLoss(BuiltInTask task, int seed)
    {
        using var instance = task.Create(seed);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        instance.Model.eval();
        double sum = 0, rows = 0;
        // The validation data is unshuffled: its first 4 batches of 64 are the whole set, as in FinalValidationLoss.
        foreach (var (x, y) in instance.Validation.Batches().Take(4))
        {
            sum += instance.Loss(instance.Model.call(x), y).ToDouble() * x.shape[0];
            rows += x.shape[0];
        }
        return sum / rows;
    }

    /// <summary>
    /// Mean final validation loss over the batch orders <paramref name="firstOrder"/> onwards (order 0 is the seed's
    /// own shuffle, the one the range test saw); +Infinity when any training hit a NaN/Inf loss (the LR is unusable).
    /// </summary>
    public double FinalValidationLoss(BuiltInTask task, int seed, double maxLr, int firstOrder = 0) =>
        Enumerable.Range(firstOrder, orders).Average(order => FinalValidationLossOfOrder(task, seed, maxLr, order));

    private double FinalValidationLossOfOrder(BuiltInTask task, int seed, double maxLr, int order)
    {
        var key = (task.Name, seed, maxLr, order);
        if (_cache.TryGetValue(key, out double cached)) return cached;
        double loss;
        try
        {
            loss = Train(task, seed, maxLr, order);
        }
        catch (ExternalException e)
        {
            // A native failure inside training is a finding, not a reason to lose the whole benchmark.
            Console.Error.WriteLine($"[quality] {task.Name} seed {seed} max lr {maxLr:0.000e0}: training failed: {e.Message.Split('\n')[0]}");
            Failures.Add($"{task.Name} seed {seed} max lr {maxLr:0.000e0}: {e.Message.Split('\n')[0]}");
            loss = double.PositiveInfinity;
        }
        Trainings++;
        return _cache[key] = loss;
    }

    /// <summary>Native errors raised during training (task, seed, LR, message).</summary>
    public List<string> Failures { get; } = [];

    private double Train(BuiltInTask task, int seed, double maxLr, int order)
    {
        using var instance = task.Create(seed);
        using var optimizer = optim.AdamW(instance.Model.parameters(), maxLr, weight_decay: 0.01);
        var result = Trainer.Train(
            instance.Model, instance.Train, instance.Loss, optimizer,
            new OneCycleSchedule(new OneCycleOptions { MaxLrs = [maxLr], TotalSteps = steps }),
            // Validation only after the last step, over the whole validation set (256 rows = 4 batches of 64).
            new TrainingOptions { Seed = seed + 1000 * order, ValidationEvery = steps, ValidationBatches = 4 },
            instance.Validation);
        double loss = result.StopReason == RangeTest.StopReason.Completed && result.ValidationLosses.Length > 0
            ? result.ValidationLosses[^1]
            : double.PositiveInfinity;
        return double.IsFinite(loss) ? loss : double.PositiveInfinity;
    }
}
