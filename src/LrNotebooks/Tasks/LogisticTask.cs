using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>Logistic regression: binary labels drawn from a hidden linear model over 10 Gaussian features.</summary>
internal sealed class LogisticTask : TensorTask
{
    private const int Features = 10;

    public override string Name => "logistic";
    public override string Description => "logistic regression: 10 Gaussian features, labels from a hidden linear model; Linear 10-1; bce";
    public override string LossName => "bce";

    protected override (Tensor X, Tensor Y) Generate(int count, Generator generator)
    {
        var weights = randn(Features, generator: generator);
        var x = randn([count, Features], generator: generator);
        var probability = sigmoid(x.matmul(weights) * 1.5);
        var y = rand(count, generator: generator).lt(probability).to(ScalarType.Float32);
        return (x, y.unsqueeze(1));
    }

    protected override nn.Module<Tensor, Tensor> NewModel() => nn.Linear(Features, 1);
}
