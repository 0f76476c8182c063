namespace LrNotebooks.Interactive.Tests;

/// <summary>C# cells a user would write before calling the directives.</summary>
internal static class UserCells
{
    public const string ModelAndData = """
        using TorchSharp;
        using static TorchSharp.torch;
        torch.manual_seed(1);
        var net = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3));
        var x = torch.randn(256, 2);
        var y = torch.randint(0, 3, 256);
        var train = (x, y);
        var batches = Enumerable.Range(0, 4).Select(i => (x[TensorIndex.Slice(i * 64, (i + 1) * 64)], y[TensorIndex.Slice(i * 64, (i + 1) * 64)])).ToList();
        var wrongShape = (torch.randn(256, 5), y);
        var notAModel = "a string";
        var wrongData = 42;
        var myOptimizer = torch.optim.SGD(net.parameters(), 0.01, momentum: 0.9);
        var myLoss = nn.CrossEntropyLoss();
        class Boom : nn.Module<Tensor, Tensor>
        {
            public Boom() : base("boom") { }
            public override Tensor forward(Tensor input) => throw new InvalidOperationException("boom from forward");
        }
        var exploding = new Boom();
        Dictionary<string, Tensor> Snapshot(nn.Module m) => m.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        bool SameWeights(nn.Module m, Dictionary<string, Tensor> s) => m.state_dict().All(kv => torch.equal(kv.Value, s[kv.Key]).all().item<bool>());
        var netBefore = Snapshot(net);
        """;
}
