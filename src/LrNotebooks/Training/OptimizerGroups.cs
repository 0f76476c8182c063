using static TorchSharp.torch;

namespace LrNotebooks.Training;

/// <summary>Reads and writes the hyper-parameters of an optimizer's parameter groups.</summary>
internal static class OptimizerGroups
{
    /// <summary>Momentum (SGD) or beta1 (Adam, AdamW) of group 0; NaN when the optimizer has neither.</summary>
    public static double Momentum(optim.Optimizer optimizer) => optimizer.ParamGroups.FirstOrDefault() switch
    {
        optim.IBetas betas => betas.Betas.Item1,
        optim.IMomentum momentum => momentum.Momentum,
        _ => double.NaN,
    };

    public static double LearningRate(optim.Optimizer optimizer) => optimizer.ParamGroups.First().LearningRate;
}

/// <summary>
/// Sets a range-test learning rate on every parameter group. With discriminative learning rates (a
/// backbone at 1e-4, a head at 1e-3), each group keeps its ratio to group 0: group g gets
/// lr x (its original LR / group 0's original LR), so the ladder's value is group 0's LR and the
/// groups' proportions survive the test. When group 0's original LR is not a positive finite number
/// the ratios mean nothing, and every group gets the ladder's value.
/// </summary>
internal sealed class ProportionalGroupRates
{
    private readonly double[] _ratios;

    public ProportionalGroupRates(optim.Optimizer optimizer)
    {
        var original = optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();
        bool meaningful = original.Length > 0 && double.IsFinite(original[0]) && original[0] > 0 && original.All(double.IsFinite);
        _ratios = original.Select((lr, i) => i == 0 || !meaningful ? 1.0 : lr / original[0]).ToArray();
    }

    public IReadOnlyList<double> Ratios => _ratios;

    public void Apply(optim.Optimizer optimizer, double learningRate)
    {
        int i = 0;
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate * _ratios[i++];
    }
}
