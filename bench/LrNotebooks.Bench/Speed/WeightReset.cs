using static TorchSharp.torch;

namespace LrNotebooks.Bench.Speed;

/// <summary>Puts a model's parameters back to a saved copy (untimed), so every timed run starts from the same weights.</summary>
internal sealed class WeightReset : IDisposable
{
    private readonly List<(Tensor Live, Tensor Copy)> _saved;

    public WeightReset(nn.Module model) =>
        _saved = model.parameters().Select(p => ((Tensor)p, p.detach().clone().DetachFromDisposeScope())).ToList();

    public void Apply()
    {
        using var noGrad = no_grad();
        foreach (var (live, copy) in _saved) live.copy_(copy);
    }

    public void Dispose()
    {
        foreach (var (_, copy) in _saved) copy.Dispose();
    }
}
