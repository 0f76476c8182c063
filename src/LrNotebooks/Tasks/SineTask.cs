using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>Regression of a smooth function of 4 features (sines and a product) with a little noise, by an MLP.</summary>
internal sealed class SineTask : TensorTask
{
    public override string Name => "sine";
    public override string Description => "regression: y = sin(3x0) + 0.5 cos(2x1) + x2 x3 + noise, x in [-1,1]^4; MLP 4-64-64-1; mse";
    public override string LossName => "mse";

    protected override (Tensor X, Tensor Y) Generate(int count, Generator generator)
    {
        var x = rand([count, 4], generator: generator) * 2 - 1;
        var y = sin(x[.., 0] * 3) + cos(x[.., 1] * 2) * 0.5 + x[.., 2] * x[.., 3]
                + randn(count, generator: generator) * 0.05;
        return (x, y.unsqueeze(1));
    }

    protected override nn.Module<Tensor, Tensor> NewModel() => nn.Sequential(
        nn.Linear(4, 64), nn.ReLU(),
        nn.Linear(64, 64), nn.ReLU(),
        nn.Linear(64, 1));
}
