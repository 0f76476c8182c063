using LrNotebooks.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace LrNotebooks.Tests.Tasks;

/// <summary>Per-task facts the tests check against, and a loss by name written independently of the engine's.</summary>
internal static class TaskCases
{
    public static TheoryData<string> Names() => [.. BuiltInTasks.All.OfType<TensorTask>().Select(t => t.Name)];

    public static TensorTask Task(string name) => (TensorTask)BuiltInTasks.Get(name);

    public static Tensor Loss(string lossName, Tensor prediction, Tensor target) => lossName switch
    {
        "cross_entropy" => nn.functional.cross_entropy(prediction, target),
        "mse" => nn.functional.mse_loss(prediction, target),
        "bce" => nn.functional.binary_cross_entropy_with_logits(prediction, target),
        _ => throw new ArgumentException(lossName),
    };

    /// <summary>Every parameter's values, in order, to compare models exactly.</summary>
    public static float[][] Weights(nn.Module<Tensor, Tensor> model) =>
        [.. model.parameters().Select(p => p.detach().cpu().data<float>().ToArray())];

    public static bool SameValues(Tensor a, Tensor b) =>
        a.dtype == b.dtype && a.shape.SequenceEqual(b.shape) && a.Equals(b);
}
