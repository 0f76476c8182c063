using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>The default task: three interleaved noisy 2-D spirals, classified by a small MLP.</summary>
internal sealed class SpiralsTask : TensorTask
{
    private const int Classes = 3;

    public override string Name => "spirals";
    public override string Description => "3 interleaved noisy 2-D spirals; MLP 2-64-64-3; cross-entropy";
    public override string LossName => "cross_entropy";

    protected override (Tensor X, Tensor Y) Generate(int count, Generator generator)
    {
        var label = randint(0, Classes, [count], dtype: ScalarType.Int64, generator: generator);
        var t = rand(count, generator: generator);                       // position along the arm, 0 = centre
        var angle = label.to(ScalarType.Float32) * (2 * Math.PI / Classes) + t * (3 * Math.PI)
                    + randn(count, generator: generator) * 0.2;
        var x = stack([t * cos(angle), t * sin(angle)], dim: 1);
        return (x, label);
    }

    protected override nn.Module<Tensor, Tensor> NewModel() => nn.Sequential(
        nn.Linear(2, 64), nn.ReLU(),
        nn.Linear(64, 64), nn.ReLU(),
        nn.Linear(64, Classes));
}
