using static TorchSharp.torch;

namespace LrNotebooks.Tests.Tasks;

public class TaskDataAndModelTests
{
    [Theory]
    [MemberData(nameof(TaskCases.Names), MemberType = typeof(TaskCases))]
    public void SameSeed_GivesIdenticalDataAndWeights_OtherSeedDoesNot(string name)
    {
        var task = TaskCases.Task(name);
        var a = task.GenerateData(7);
        var b = task.GenerateData(7);
        var c = task.GenerateData(8);
        Assert.True(TaskCases.SameValues(a.TrainX, b.TrainX));
        Assert.True(TaskCases.SameValues(a.TrainY, b.TrainY));
        Assert.True(TaskCases.SameValues(a.ValidationX, b.ValidationX));
        Assert.True(TaskCases.SameValues(a.ValidationY, b.ValidationY));
        Assert.False(TaskCases.SameValues(a.TrainX, c.TrainX));

        using var m1 = task.BuildModel(7);
        using var m2 = task.BuildModel(7);
        using var m3 = task.BuildModel(8);
        Assert.Equal(TaskCases.Weights(m1), TaskCases.Weights(m2));
        Assert.NotEqual(TaskCases.Weights(m1), TaskCases.Weights(m3));
    }

    [Theory]
    [MemberData(nameof(TaskCases.Names), MemberType = typeof(TaskCases))]
    public void CreatingData_AndModel_LeavesTheCallersRngAlone(string name)
    {
        var task = TaskCases.Task(name);
        random.manual_seed(123);
        var expected = rand(16);
        random.manual_seed(123);
        task.GenerateData(1);
        using var model = task.BuildModel(1);
        var actual = rand(16);
        Assert.True(TaskCases.SameValues(expected, actual));
    }

    [Theory]
    [MemberData(nameof(TaskCases.Names), MemberType = typeof(TaskCases))]
    public void DataAndModelOutputs_HaveMatchingShapes(string name)
    {
        var task = TaskCases.Task(name);
        var data = task.GenerateData(0);
        Assert.Equal(1024, data.TrainX.shape[0]);
        Assert.Equal(1024, data.TrainY.shape[0]);
        Assert.Equal(256, data.ValidationX.shape[0]);
        Assert.Equal(256, data.ValidationY.shape[0]);
        Assert.Equal(data.TrainX.shape[1..], data.ValidationX.shape[1..]);

        using var model = task.BuildModel(0);
        using var _ = no_grad();
        var output = model.forward(data.ValidationX);
        Assert.Equal(256, output.shape[0]);
        if (task.LossName == "cross_entropy")
        {
            Assert.Equal(ScalarType.Int64, data.TrainY.dtype);
            Assert.Equal(1, data.TrainY.dim());
            long classes = output.shape[1];
            Assert.True(data.TrainY.min().item<long>() >= 0 && data.TrainY.max().item<long>() < classes);
            // every class occurs in both splits, none is rare
            var counts = data.TrainY.bincount(null, classes).data<long>().ToArray();
            Assert.All(counts, n => Assert.True(n > 1024 / classes / 3, $"class counts {string.Join(",", counts)}"));
            Assert.Equal(classes, data.ValidationY.unique().Item1.shape[0]);
        }
        else
        {
            Assert.Equal(ScalarType.Float32, data.TrainY.dtype);
            Assert.Equal(output.shape, data.ValidationY.shape);
        }
        Assert.True(data.TrainX.isfinite().all().item<bool>());
    }

    /// <summary>A plain AdamW loop (the engine's Trainer is tested elsewhere): the validation loss clearly falls.</summary>
    [Theory]
    [MemberData(nameof(TaskCases.Names), MemberType = typeof(TaskCases))]
    public void ModelLearns_WithShortAdamWTraining(string name)
    {
        var task = TaskCases.Task(name);
        var data = task.GenerateData(0);
        using var model = task.BuildModel(0);
        using var optimizer = optim.AdamW(model.parameters(), lr: 1e-2);
        using var order = new Generator(42);

        double ValidationLoss()
        {
            using var _ = no_grad();
            return TaskCases.Loss(task.LossName, model.forward(data.ValidationX), data.ValidationY).item<float>();
        }

        double before = ValidationLoss();
        for (int step = 0; step < 100; step++)
        {
            using var scope = NewDisposeScope();
            var batch = randint(0, 1024, [task.BatchSize], dtype: ScalarType.Int64, generator: order);
            optimizer.zero_grad();
            TaskCases.Loss(task.LossName, model.forward(data.TrainX.index_select(0, batch)), data.TrainY.index_select(0, batch)).backward();
            optimizer.step();
        }
        double after = ValidationLoss();
        Assert.True(after < 0.75 * before, $"{name}: validation loss {before:F4} -> {after:F4}");
    }
}
