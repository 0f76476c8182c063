using static TorchSharp.torch;

namespace LrNotebooks.Tests.Tasks;

/// <summary>Create() wires the pieces into a TaskInstance (needs the engine's TrainingData and LossFunctions).</summary>
public class TaskCreateTests
{
    [Theory]
    [MemberData(nameof(TaskCases.Names), MemberType = typeof(TaskCases))]
    public void Create_GivesBatchesOfTheTaskData_AndTheNamedLoss(string name)
    {
        var task = TaskCases.Task(name);
        using var instance = task.Create(5);
        var data = task.GenerateData(5);
        Assert.Equal(name, instance.Name);
        Assert.Equal(task.LossName, instance.LossName);
        Assert.Equal(TaskCases.Weights(task.BuildModel(5)), TaskCases.Weights(instance.Model));

        var (x, y) = instance.Validation.Batches().First();
        Assert.True(TaskCases.SameValues(data.ValidationX.narrow(0, 0, task.BatchSize), x), "validation batches keep their order");
        Assert.True(TaskCases.SameValues(data.ValidationY.narrow(0, 0, task.BatchSize), y));
        var (tx, ty) = instance.Train.Batches(new Generator(1)).First();
        Assert.Equal(task.BatchSize, tx.shape[0]);
        Assert.Equal(task.BatchSize, ty.shape[0]);

        using var _ = no_grad();
        var prediction = instance.Model.forward(x);
        Assert.Equal(TaskCases.Loss(task.LossName, prediction, y).item<float>(), instance.Loss(prediction, y).item<float>(), 6);
    }
}
