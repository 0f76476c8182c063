using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>The built-in losses by name: cross_entropy, mse, bce (with logits), l1.</summary>
public static class LossFunctions
{
    public static IReadOnlyList<string> Names => ["cross_entropy", "mse", "bce", "l1"];
    /// <summary>Throws ArgumentException (parameter "loss") listing the names for an unknown name.</summary>
    public static LossFunction ByName(string name) => throw new NotImplementedException();
    /// <summary>Integer targets: cross_entropy; floating targets: mse.</summary>
    public static string InferName(ScalarType targetType) => throw new NotImplementedException();
}
