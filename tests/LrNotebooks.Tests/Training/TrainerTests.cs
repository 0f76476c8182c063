using LrNotebooks.RangeTest;
using LrNotebooks.Tests.RangeTest;
using LrNotebooks.Tests.TestSupport;
using LrNotebooks.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Training;

public class TrainerTests
{
    private static TrainingResult Train(
        nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, LrNotebooks.Schedules.ISchedule schedule, TrainingOptions? options = null,
        TrainingData? data = null, LossFunction? loss = null, TrainingData? validation = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken token = default) =>
        Trainer.Train(model, data ?? LrFinderRunTests.BlobData(), loss ?? Synthetic.CrossEntropy, optimizer, schedule,
            options ?? new TrainingOptions { Seed = 1 }, validation, progress, token);

    [Fact]
    public void Applies_the_schedule_before_every_step_and_records_lr_and_momentum()
    {
        var model = Synthetic.Mlp(0);
        var schedule = new LinearTestSchedule(20, 0.01, 0.001, 0.9, -0.005);

        var result = Train(model, optim.SGD(model.parameters(), 0.5, momentum: 0.5), schedule);

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => schedule.At(i).LearningRate), result.LearningRates);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => schedule.At(i).Momentum!.Value), result.Momenta);
        Assert.Equal(EmaSmoother.Smooth(result.Losses, 0.98), result.SmoothedLosses);
        Assert.True(result.Losses.TakeLast(5).Average() < result.Losses[0], "training lowers the loss");
    }

    [Fact]
    public void Records_beta1_for_adam_style_optimizers_and_nan_for_optimizers_without_momentum()
    {
        var model = Synthetic.Mlp(0);
        var adamw = Train(model, optim.AdamW(model.parameters()), new LinearTestSchedule(5, 1e-3, 0, 0.95, -0.01));
        var adagrad = Train(model, optim.Adagrad(model.parameters()), new LinearTestSchedule(5, 1e-3, 0, null));

        Assert.Equal(5, adamw.Momenta.Length);
        for (int i = 0; i < 5; i++) Assert.Equal(0.95 - 0.01 * i, adamw.Momenta[i], 1e-12);
        Assert.All(adagrad.Momenta, m => Assert.True(double.IsNaN(m)));
    }

    [Fact]
    public void Measures_validation_every_k_steps_and_after_the_last()
    {
        var model = Synthetic.Mlp(0);
        var progress = new RecordingProgress<TrainingProgress>();

        var result = Train(model, optim.AdamW(model.parameters()), new LinearTestSchedule(10, 1e-3, 0, null),
            new TrainingOptions { ValidationEvery = 4, ValidationBatches = 2, Seed = 1 }, validation: LrFinderRunTests.BlobData(5), progress: progress);

        Assert.Equal([3, 7, 9], result.ValidationSteps);
        Assert.Equal(3, result.ValidationLosses.Length);
        Assert.All(result.ValidationLosses, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(Enumerable.Range(0, 10), progress.Reports.Select(p => p.Step));
        Assert.Equal(result.ValidationLosses, progress.Reports.Where(p => p.ValidationLoss is not null).Select(p => p.ValidationLoss!.Value));
        Assert.Equal(result.Losses, progress.Reports.Select(p => p.Loss));
        Assert.True(model.training);
    }

    [Fact]
    public void A_non_finite_loss_stops_training_without_updating_the_weights()
    {
        var model = Synthetic.Mlp(0);
        int calls = 0;
        Dictionary<string, byte[]>? beforePoisonedStep = null;
        LossFunction loss = (p, t) =>
        {
            if (++calls < 6) return nn.functional.cross_entropy(p, t);
            beforePoisonedStep = StateAssert.Model(model);
            return nn.functional.cross_entropy(p, t) * double.NaN;
        };

        var result = Train(model, optim.SGD(model.parameters(), 0.1), new LinearTestSchedule(20, 0.1, 0, null), loss: loss);

        Assert.Equal(StopReason.NonFiniteLoss, result.StopReason);
        Assert.Equal(6, result.Losses.Length);
        Assert.True(double.IsNaN(result.Losses[^1]));
        // Only the gradients may differ: the parameters are those before the poisoned step.
        var after = StateAssert.Model(model);
        Assert.All(beforePoisonedStep!.Where(kv => kv.Key.StartsWith("param:")), kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void Cancellation_returns_the_steps_that_ran()
    {
        var model = Synthetic.Mlp(0);
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress<TrainingProgress>(p => { if (p.Step == 3) cts.Cancel(); });

        var result = Train(model, optim.AdamW(model.parameters()), new LinearTestSchedule(20, 1e-3, 0, null), progress: progress, token: cts.Token);

        Assert.Equal(StopReason.Cancelled, result.StopReason);
        Assert.Equal(4, result.Losses.Length);
    }

    [Fact]
    public void Accumulating_two_half_batches_equals_one_step_on_the_whole_batch()
    {
        var halves = Synthetic.Batches(3, batches: 2, batchSize: 32);
        var whole = (cat([halves[0].X, halves[1].X]), cat([halves[0].Y, halves[1].Y]));
        var schedule = new LinearTestSchedule(1, 0.5, 0, null);
        var accumulated = Synthetic.Mlp(0);
        var single = Synthetic.Mlp(0);
        double expectedLoss;
        using (no_grad())
            expectedLoss = halves.Select(b => nn.functional.cross_entropy(accumulated.call(b.X), b.Y).ToDouble()).Sum() / 2;

        var a = Train(accumulated, optim.SGD(accumulated.parameters(), 0.5), schedule,
            new TrainingOptions { AccumulationSteps = 2, Seed = 1 }, TrainingData.FromBatches(halves));
        Train(single, optim.SGD(single.parameters(), 0.5), schedule, new TrainingOptions { Seed = 1 }, TrainingData.FromBatches([whole]));

        Assert.Equal(expectedLoss, a.Losses[0]);
        foreach (var (p, q) in accumulated.parameters().Zip(single.parameters()))
            Assert.True(p.allclose(q, rtol: 0, atol: 1e-6), "accumulated gradients average like one big batch");
        Assert.False(accumulated.parameters().Zip(Synthetic.Mlp(0).parameters()).All(pq => pq.First.allclose(pq.Second)), "the step changed the weights");
    }

    [Fact]
    public void The_same_seed_trains_the_same_way()
    {
        var schedule = new LinearTestSchedule(15, 1e-2, 0, null);
        var m1 = Synthetic.Mlp(0, batchNormAndDropout: true);
        var r1 = Train(m1, optim.AdamW(m1.parameters()), schedule, new TrainingOptions { Seed = 4 });
        var m2 = Synthetic.Mlp(0, batchNormAndDropout: true);
        var r2 = Train(m2, optim.AdamW(m2.parameters()), schedule, new TrainingOptions { Seed = 4 });

        Assert.Equal(r1.Losses, r2.Losses);
    }

    [Theory]
    [InlineData("Steps", 21, 1, 10)]
    [InlineData("Steps", 0, 1, 10)]
    [InlineData("AccumulationSteps", null, 0, 10)]
    [InlineData("ValidationEvery", null, 1, 0)]
    public void Bad_options_are_named_before_training(string parameter, int? steps, int accumulation, int validationEvery)
    {
        var model = new ProbeModule(Synthetic.Mlp(0), (_, _, o) => o);
        var options = new TrainingOptions { Steps = steps, AccumulationSteps = accumulation, ValidationEvery = validationEvery };

        var error = Assert.Throws<ArgumentException>(() => Train(model, optim.AdamW(model.parameters()), new LinearTestSchedule(20, 1e-3, 0, null), options));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(0, model.Calls);
    }
}
