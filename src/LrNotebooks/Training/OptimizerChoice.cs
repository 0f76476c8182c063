using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>Either a fresh optimizer of a kind (created over the model's parameters) or the user's own instance.</summary>
public sealed class OptimizerChoice
{
    public static OptimizerChoice Fresh(OptimizerKind kind, double weightDecay = 0.01) => throw new NotImplementedException();
    public static OptimizerChoice Existing(optim.Optimizer optimizer) => throw new NotImplementedException();
    /// <summary>"adamw", "adam" or "sgd"; ArgumentException (parameter "optimizer") otherwise.</summary>
    public static OptimizerChoice ByName(string name) => throw new NotImplementedException();
}
