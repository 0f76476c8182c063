using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>Fine-tuning helpers: discriminative learning rates for a pre-trained backbone and a fresh head.</summary>
public static class FineTuning
{
    /// <summary>
    /// AdamW with two parameter groups: group 0 = the backbone at <paramref name="backboneLr"/> (usually
    /// 3-10x lower, so pre-trained features move gently), group 1 = the head at <paramref name="headLr"/>.
    /// </summary>
    public static AdamW CreateOptimizer(ProteinClassifier model, double backboneLr, double headLr, double weightDecay = 0.01)
    {
        RequirePositive(backboneLr, "backbone-lr");
        RequirePositive(headLr, "head-lr");
        if (!(weightDecay >= 0))
            throw new ArgumentException($"The weight decay must be 0 or more, not {weightDecay}.", "weight-decay");
        return optim.AdamW(
        [
            new AdamW.ParamGroup(model.Backbone.parameters(), lr: backboneLr, weight_decay: weightDecay),
            new AdamW.ParamGroup(model.Head.parameters(), lr: headLr, weight_decay: weightDecay),
        ], lr: headLr, weight_decay: weightDecay);
    }

    private static void RequirePositive(double lr, string option)
    {
        if (!(lr > 0) || double.IsInfinity(lr))
            throw new ArgumentException($"The learning rate must be a positive number, not {lr}.", option);
    }
}
