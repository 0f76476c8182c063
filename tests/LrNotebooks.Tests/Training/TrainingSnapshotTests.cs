using LrNotebooks.Schedules;
using LrNotebooks.Tests.TestSupport;
using LrNotebooks.Training;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Training;

/// <summary>The public snapshot undoes a training run of the caller's own: model, optimizer and RNG bitwise.</summary>
public class TrainingSnapshotTests
{
    [Fact]
    public void Restore_undoes_a_training_run_bitwise_and_can_be_repeated()
    {
        manual_seed(5);
        var model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 3));
        var optimizer = optim.AdamW(model.parameters(), 3e-3);
        var batch = Synthetic.Batches(2, batches: 1, batchSize: 16)[0];
        StateAssert.ContinueTraining(model, optimizer, batch, steps: 3); // moment buffers and step counts to keep
        var modelBefore = StateAssert.Model(model);
        var optimizerBefore = StateAssert.Optimizer(optimizer);
        var rngBefore = StateAssert.Rng();

        using var snapshot = TrainingSnapshot.Take(model, optimizer);
        for (var run = 0; run < 2; run++)
        {
            Trainer.Train(model, TrainingData.From(batch, 8), Synthetic.CrossEntropy, optimizer, new OneCycleSchedule(1e-2, 6));
            Assert.NotEqual(optimizerBefore, StateAssert.Optimizer(optimizer));
            snapshot.Restore();

            StateAssert.SameModel(modelBefore, model);
            Assert.Equal(optimizerBefore, StateAssert.Optimizer(optimizer));
            Assert.Equal(rngBefore, StateAssert.Rng());
        }
    }

    [Fact]
    public void An_optimizer_that_cannot_save_its_state_is_refused()
    {
        var model = nn.Linear(2, 2);
        var ex = Assert.Throws<ArgumentException>(() => TrainingSnapshot.Take(model, new StatelessOptimizer()));
        Assert.Equal("optimizer", ex.ParamName);
    }

    private sealed class StatelessOptimizer : optim.Optimizer
    {
        public StatelessOptimizer() : base(IntPtr.Zero) { }
    }
}
