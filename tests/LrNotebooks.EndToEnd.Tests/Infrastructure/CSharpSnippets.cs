namespace LrNotebooks.EndToEnd.Tests.Infrastructure;

/// <summary>C# cells the host tests submit: a user's model and data, and a bitwise weight check.</summary>
public static class CSharpSnippets
{
    /// <summary>Defines `{prefix}Model` (a small MLP), `{prefix}Data` (an (X, Y) regression pair) and a copy of the weights.</summary>
    public static string ModelAndData(string prefix) => $$"""
        using TorchSharp;
        torch.manual_seed(3);
        var {{prefix}}X = torch.randn(512, 4);
        var {{prefix}}Y = {{prefix}}X.matmul(torch.tensor(new float[] { 1, -2, 0.5f, 3 }).reshape(4, 1)) + 0.1f * torch.randn(512, 1);
        var {{prefix}}Data = ({{prefix}}X, {{prefix}}Y);
        var {{prefix}}Model = torch.nn.Sequential(("l1", torch.nn.Linear(4, 16)), ("act", torch.nn.Tanh()), ("l2", torch.nn.Linear(16, 1)));
        var {{prefix}}Before = {{prefix}}Model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        // bit for bit (float32 weights): same shape and the same 32-bit patterns
        bool {{prefix}}Same(torch.Tensor a, torch.Tensor b) =>
            a.shape.SequenceEqual(b.shape)
            && a.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits)
                .SequenceEqual(b.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits));
        """;

    /// <summary>An expression that is "True" when every weight of `{prefix}Model` equals the copy bit for bit.</summary>
    public static string WeightsUnchanged(string prefix) => $$"""
        ({{prefix}}Model.state_dict().Count == {{prefix}}Before.Count
         && {{prefix}}Model.state_dict().All(kv => {{prefix}}Same({{prefix}}Before[kv.Key], kv.Value))).ToString()
        """;

    /// <summary>An expression that is "True" when some weight of `{prefix}Model` differs from the copy.</summary>
    public static string WeightsChanged(string prefix) => $$"""
        {{prefix}}Model.state_dict().Any(kv => !{{prefix}}Same({{prefix}}Before[kv.Key], kv.Value)).ToString()
        """;
}
