using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>The built-in losses by name: cross_entropy, mse, bce (with logits), l1.</summary>
public static class LossFunctions
{
    public static IReadOnlyList<string> Names => ["cross_entropy", "mse", "bce", "l1"];

    /// <summary>Throws ArgumentException (parameter "loss") listing the names for an unknown name.</summary>
    public static LossFunction ByName(string name) => Normalize(name) switch
    {
        "cross_entropy" => (prediction, target) => nn.functional.cross_entropy(prediction, target),
        "mse" => (prediction, target) => nn.functional.mse_loss(prediction, target),
        "bce" => (prediction, target) => nn.functional.binary_cross_entropy_with_logits(prediction, target),
        "l1" => (prediction, target) => nn.functional.l1_loss(prediction, target),
        _ => throw new ArgumentException(
            $"Unknown loss '{name}'. Expected one of: {string.Join(", ", Names)} (or a LossFunction variable).", "loss"),
    };

    /// <summary>Integer targets: cross_entropy; floating targets: mse.</summary>
    public static string InferName(ScalarType targetType) => targetType switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64 => "cross_entropy",
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64 => "mse",
        _ => throw new ArgumentException(
            $"Cannot infer a loss from targets of type {targetType}: integer targets mean cross_entropy, floating targets mean mse. " +
            $"Pass --loss ({string.Join(", ", Names)}).", "loss"),
    };

    // "Cross-Entropy" and "cross_entropy" name the same loss.
    private static string Normalize(string name) => (name ?? "").Trim().ToLowerInvariant().Replace('-', '_');
}
