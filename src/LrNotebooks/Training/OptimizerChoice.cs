using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>Either a fresh optimizer of a kind (created over the model's parameters) or the user's own instance.</summary>
/// <remarks>
/// A fresh SGD uses momentum 0.9 (the usual companion of One Cycle). <see cref="ByName"/> uses PyTorch's
/// weight-decay default for each kind: 0.01 for AdamW, 0 for Adam and SGD.
/// </remarks>
public sealed class OptimizerChoice
{
    internal const double SgdMomentum = 0.9;

    private readonly OptimizerKind? _kind;
    private readonly double _weightDecay;
    private readonly optim.Optimizer? _existing;

    private OptimizerChoice(OptimizerKind? kind, double weightDecay, optim.Optimizer? existing) =>
        (_kind, _weightDecay, _existing) = (kind, weightDecay, existing);

    public static OptimizerChoice Fresh(OptimizerKind kind, double weightDecay = 0.01)
    {
        if (!Enum.IsDefined(kind))
            throw new ArgumentException($"Unknown optimizer kind {kind}. Expected adamw, adam or sgd.", "optimizer");
        if (!double.IsFinite(weightDecay) || weightDecay < 0)
            throw new ArgumentException($"Weight decay must be a finite number >= 0; got {weightDecay}.", nameof(weightDecay));
        return new(kind, weightDecay, null);
    }

    public static OptimizerChoice Existing(optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        TrainingSnapshot.Serializable(optimizer);
        return new(null, 0, optimizer);
    }

    /// <summary>"adamw", "adam" or "sgd"; ArgumentException (parameter "optimizer") otherwise.</summary>
    public static OptimizerChoice ByName(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "adamw" => Fresh(OptimizerKind.AdamW, 0.01),
        "adam" => Fresh(OptimizerKind.Adam, 0),
        "sgd" => Fresh(OptimizerKind.Sgd, 0),
        _ => throw new ArgumentException($"Unknown optimizer '{name}'. Expected adamw, adam, sgd (or an optimizer variable).", "optimizer"),
    };

    /// <summary>The user's optimizer, or null for a fresh one.</summary>
    public optim.Optimizer? ExistingOptimizer => _existing;

    /// <summary>e.g. "AdamW (fresh)" or "SGD (yours)".</summary>
    public string Description => _existing is null
        ? $"{KindName(_kind!.Value)} (fresh)"
        : $"{_existing.GetType().Name} (yours)";

    /// <summary>
    /// The optimizer to train with: the user's (checked to optimize this model's parameters) or a new one
    /// at <paramref name="learningRate"/>, which the caller disposes.
    /// </summary>
    internal optim.Optimizer Open(nn.Module model, double learningRate)
    {
        if (_existing is not null)
        {
            EnsureOptimizes(_existing, model);
            return _existing;
        }
        var parameters = model.parameters();
        return _kind switch
        {
            OptimizerKind.AdamW => optim.AdamW(parameters, learningRate, weight_decay: _weightDecay),
            OptimizerKind.Adam => optim.Adam(parameters, learningRate, weight_decay: _weightDecay),
            _ => optim.SGD(parameters, learningRate, momentum: SgdMomentum, weight_decay: _weightDecay),
        };
    }

    internal bool IsFresh => _existing is null;

    private static void EnsureOptimizes(optim.Optimizer optimizer, nn.Module model)
    {
        var modelParameters = model.parameters().Select(p => p.Handle).ToHashSet();
        if (!optimizer.parameters().All(p => modelParameters.Contains(p.Handle)))
            throw new ArgumentException("The optimizer updates parameters that are not the model's: create it over model.parameters().", "optimizer");
    }

    private static string KindName(OptimizerKind kind) => kind switch
    {
        OptimizerKind.AdamW => "AdamW",
        OptimizerKind.Adam => "Adam",
        _ => "SGD",
    };
}
