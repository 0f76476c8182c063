using static TorchSharp.torch;

namespace LrNotebooks.Tasks;

/// <summary>A small CNN telling apart four shapes (filled square, hollow square, plus, X) in noisy 12x12 images.</summary>
internal sealed class ShapesTask : TensorTask
{
    private const int Side = 12;
    private const int Classes = 4;

    public override string Name => "shapes";
    public override string Description => "CNN on noisy 12x12 images of 4 shapes (filled square, hollow square, plus, X) of random size and place; cross-entropy";
    public override string LossName => "cross_entropy";

    protected override (Tensor X, Tensor Y) Generate(int count, Generator generator)
    {
        var label = randint(0, Classes, [count], dtype: ScalarType.Int64, generator: generator);
        var size = randint(5, 10, [count], dtype: ScalarType.Int64, generator: generator);
        var corner = rand([count, 2], generator: generator);             // scaled below to where the shape fits
        var noise = randn([count, 1, Side, Side], generator: generator) * 0.15;

        long[] labels = label.data<long>().ToArray();
        long[] sizes = size.data<long>().ToArray();
        float[] corners = corner.data<float>().ToArray();
        var pixels = new float[count * Side * Side];
        for (int i = 0; i < count; i++)
        {
            int s = (int)sizes[i];
            int top = (int)(corners[2 * i] * (Side - s + 1));
            int left = (int)(corners[2 * i + 1] * (Side - s + 1));
            for (int r = 0; r < s; r++)
                for (int c = 0; c < s; c++)
                    if (IsInside((int)labels[i], r, c, s))
                        pixels[(i * Side + top + r) * Side + left + c] = 1f;
        }
        var x = tensor(pixels, [count, 1, Side, Side]) + noise;
        return (x, label);
    }

    /// <summary>Whether cell (r, c) of an s x s box belongs to the shape of class <paramref name="shape"/>.</summary>
    private static bool IsInside(int shape, int r, int c, int s) => shape switch
    {
        0 => true,                                                  // filled square
        1 => r == 0 || c == 0 || r == s - 1 || c == s - 1,          // hollow square
        2 => r == s / 2 || c == s / 2,                              // plus
        _ => r == c || r + c == s - 1,                              // X
    };

    protected override nn.Module<Tensor, Tensor> NewModel() => nn.Sequential(
        nn.Conv2d(1, 8, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),      // 8 x 6 x 6
        nn.Conv2d(8, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),     // 16 x 3 x 3
        nn.Flatten(),
        nn.Linear(16 * 3 * 3, Classes));
}
