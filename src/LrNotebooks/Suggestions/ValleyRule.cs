namespace LrNotebooks.Suggestions;

/// <summary>
/// "valley": fastai's default rule since 2.4. Finds the longest strictly decreasing subsequence of the smoothed loss
/// (not necessarily contiguous; O(n²)) and picks about halfway along it. No gradient, so noise barely moves it.
/// fastai's index arithmetic is kept exactly: the valley's start is taken as end − length, one index before the
/// chain's real first point when the chain is contiguous, and the pick is start + int(len/3) + int(len/6).
/// Two differences from fastai, both on degenerate curves only: a curve that never falls fails instead of
/// returning its first LR, and a pick at index −1 (a 2-point chain starting at 0) is clamped to 0, where Python
/// would wrap around to the last point.
/// </summary>
public sealed class ValleyRule : ISuggestionRule
{
    public string Name => "valley";

    public string Description => "fastai's valley: halfway along the longest descent of the loss.";

    public Suggestion Suggest(IReadOnlyList<double> learningRates, IReadOnlyList<double> smoothedLosses)
    {
        if (!CurveWindow.TryFastaiWindow(learningRates, smoothedLosses, minimumPoints: 2, out var window, out var failure))
            return Suggestion.Failed(Name, failure);

        int pick = Math.Max(0, PickIndex(window.Losses));
        return Suggestion.At(Name, window.LearningRates[pick], window.Indices[pick]);
    }

    /// <summary>fastai's index of the valley pick (may be −1, see the class remarks).</summary>
    private static int PickIndex(double[] losses)
    {
        var chainLength = new int[losses.Length];
        Array.Fill(chainLength, 1);
        int start = 0, end = 0;
        for (int i = 1; i < losses.Length; i++)
        {
            for (int j = 0; j < i; j++)
                if (losses[i] < losses[j] && chainLength[i] < chainLength[j] + 1)
                    chainLength[i] = chainLength[j] + 1;
            // fastai tests this inside the j loop; chainLength[i] can exceed the longest chain so far only by one,
            // so testing once after the loop gives the same start and end.
            if (chainLength[end] < chainLength[i])
            {
                end = i;
                start = end - chainLength[end];
            }
        }
        double sections = (end - start) / 3.0;
        return start + (int)sections + (int)(sections / 2);
    }
}
