using static TorchSharp.torch;

namespace LrNotebooks.Tasks.Protein;

/// <summary>Turns windows into model inputs: token ids [n, length] (padded) and family indices [n], both int64.</summary>
public static class ProteinTensors
{
    public static (Tensor Tokens, Tensor Labels) FromWindows(IReadOnlyList<ProteinWindow> windows, int length)
    {
        if (windows.Count == 0)
            throw new ArgumentException("Expected at least one window.", nameof(windows));
        var tokens = windows.SelectMany(w => AminoAcidTokenizer.Encode(w.Residues, length)).ToArray();
        var labels = windows.Select(w => (long)w.FamilyIndex).ToArray();
        return (tensor(tokens, [windows.Count, length]), tensor(labels));
    }
}
