using LrNotebooks.RangeTest;
using LrNotebooks.Tests.TestSupport;
using LrNotebooks.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.RangeTest;

/// <summary>After every kind of ending, the model, the user's optimizer and the torch RNG are bitwise as before.</summary>
public class LrFinderRestoreTests
{
    public enum Ending { Completed, Diverged, NonFinite, ModelThrows, Cancelled }

    public static TheoryData<Ending, string> Cases()
    {
        var data = new TheoryData<Ending, string>();
        foreach (var ending in Enum.GetValues<Ending>())
            foreach (var optimizer in new[] { "adamw", "adam", "sgd", "sgd-never-stepped", "fresh" })
                data.Add(ending, optimizer);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Model_optimizer_and_rng_are_restored_bitwise(Ending ending, string optimizerName)
    {
        var (model, probe) = Subject(seed: 3, ending);
        var twin = Subject(seed: 3, Ending.Completed).Model;
        var optimizer = MakeOptimizer(optimizerName, model);
        var twinOptimizer = MakeOptimizer(optimizerName, twin);
        var warmUp = Synthetic.Batches(7, batches: 1, batchSize: 32)[0];
        if (optimizer is not null && optimizerName != "sgd-never-stepped")
        {
            // Give the optimizer history (moment buffers, step counts) for the restore to preserve.
            manual_seed(41);
            StateAssert.ContinueTraining(model, optimizer, warmUp, steps: 3);
            manual_seed(41);
            StateAssert.ContinueTraining(twin, twinOptimizer!, warmUp, steps: 3);
        }
        model.eval(); // a mode other than the one the run uses: it must come back too
        twin.eval();

        var modelBefore = StateAssert.Model(model);
        var optimizerBefore = optimizer is null ? null : StateAssert.Optimizer(optimizer);
        var ratesBefore = optimizer?.ParamGroups.Select(g => g.LearningRate).ToArray();
        manual_seed(99);
        var rngBefore = StateAssert.Rng();

        using var cts = new CancellationTokenSource();
        var options = new RangeTestOptions { Steps = 30, MaxLr = ending == Ending.Diverged ? 100 : 1e-2, Seed = 1 };
        var choice = optimizer is null ? OptimizerChoice.ByName("sgd") : OptimizerChoice.Existing(optimizer);
        var progress = new RecordingProgress<RangeTestProgress>(p => { if (ending == Ending.Cancelled && p.Step == 10) cts.Cancel(); });
        LossFunction loss = ending == Ending.NonFinite
            ? (p, t) => probe.Calls == 20 ? nn.functional.cross_entropy(p, t) * double.NaN : nn.functional.cross_entropy(p, t)
            : Synthetic.CrossEntropy;

        RangeTestResult? result = null;
        if (ending == Ending.ModelThrows)
            Assert.Throws<InvalidOperationException>(() => LrFinder.Run(model, LrFinderRunTests.BlobData(), loss, choice, options, progress: progress));
        else
            result = LrFinder.Run(model, LrFinderRunTests.BlobData(), loss, choice, options, progress: progress, cancellationToken: cts.Token);

        // The ending really happened.
        var expectedStop = ending switch
        {
            Ending.Completed => StopReason.Completed,
            Ending.Diverged => StopReason.Diverged,
            Ending.NonFinite => StopReason.NonFiniteLoss,
            Ending.Cancelled => StopReason.Cancelled,
            _ => (StopReason?)null,
        };
        Assert.Equal(expectedStop, result?.StopReason);
        Assert.True(progress.Reports.Count > 5, "the run trained before it ended");

        StateAssert.SameModel(modelBefore, model);
        Assert.Equal(rngBefore, StateAssert.Rng());
        if (optimizer is not null)
        {
            Assert.Equal(optimizerBefore, StateAssert.Optimizer(optimizer));
            Assert.Equal(ratesBefore, optimizer.ParamGroups.Select(g => g.LearningRate));
            // Continuing to train replays exactly what an untouched twin does.
            model.train();
            twin.train();
            manual_seed(42); // the same dropout masks for both
            var expected = StateAssert.ContinueTraining(twin, twinOptimizer!, warmUp);
            manual_seed(42);
            Assert.Equal(expected, StateAssert.ContinueTraining(model, optimizer, warmUp));
        }
    }

    [Fact]
    public void The_rng_draws_the_same_numbers_after_the_run()
    {
        var model = Synthetic.Mlp(0, batchNormAndDropout: true);
        manual_seed(5);
        using var expected = rand(8);
        manual_seed(5);

        LrFinderRunTests.Run(model, new RangeTestOptions { Steps = 20, Seed = 1 });

        using var actual = rand(8);
        Assert.Equal(StateAssert.Bytes(expected), StateAssert.Bytes(actual));
    }

    [Fact]
    public void Existing_gradients_come_back_too()
    {
        var model = Synthetic.Mlp(0);
        var batch = Synthetic.Batches(7, 1, 16)[0];
        nn.functional.cross_entropy(model.call(batch.X), batch.Y).backward();
        var before = StateAssert.Model(model);

        LrFinderRunTests.Run(model, new RangeTestOptions { Steps = 10, Seed = 1 });

        StateAssert.SameModel(before, model);
    }

    [Fact]
    public void Bad_data_found_at_the_first_batch_leaves_everything_as_it_was()
    {
        var model = Synthetic.Mlp(0);
        var before = StateAssert.Model(model);
        var badBatches = TrainingData.FromBatches([(randn(8, 2), randint(0, 3, 5))]);

        var error = Assert.Throws<ArgumentException>(() => LrFinderRunTests.Run(model, data: badBatches));

        Assert.Equal("data", error.ParamName);
        StateAssert.SameModel(before, model);
    }

    /// <summary>A BatchNorm + Dropout MLP (buffers, RNG use); for <see cref="Ending.ModelThrows"/> the forward throws at call 15.</summary>
    private static (nn.Module<Tensor, Tensor> Model, ProbeModule Probe) Subject(int seed, Ending ending)
    {
        var probe = new ProbeModule(Synthetic.Mlp(seed, batchNormAndDropout: true), (call, _, output) =>
            ending == Ending.ModelThrows && call == 15 ? throw new InvalidOperationException("the user's forward failed") : output);
        return (probe, probe);
    }

    private static optim.Optimizer? MakeOptimizer(string name, nn.Module model) => name switch
    {
        "adamw" => optim.AdamW(model.parameters(), 3e-3),
        "adam" => optim.Adam(model.parameters(), 3e-3, beta1: 0.8),
        "sgd" or "sgd-never-stepped" => optim.SGD(model.parameters(), 0.05, momentum: 0.9),
        _ => null,
    };
}
