using static TorchSharp.torch;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// A copy of a model's parameters and buffers, so <c>--compare-constant</c> starts both runs from the same weights
/// and an interrupted <c>--train</c> gives the user's model back as it was.
/// </summary>
internal sealed class WeightsSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _saved;

    private WeightsSnapshot(Dictionary<string, Tensor> saved) => _saved = saved;

    public static WeightsSnapshot Take(nn.Module model)
    {
        using var _ = no_grad();
        return new WeightsSnapshot(model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope()));
    }

    public void Restore(nn.Module model)
    {
        using var _ = no_grad();
        foreach (var (name, tensor) in model.state_dict())
            if (_saved.TryGetValue(name, out var saved)) tensor.copy_(saved);
    }

    public void Dispose()
    {
        foreach (var tensor in _saved.Values) tensor.Dispose();
    }
}
