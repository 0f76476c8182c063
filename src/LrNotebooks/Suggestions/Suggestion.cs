namespace LrNotebooks.Suggestions;

/// <summary>One rule's outcome: a learning rate (and the curve index it sits at), or the reason it has none.</summary>
/// <remarks>
/// <see cref="Index"/> is the point of the input curve the pick is drawn at. For "minimum" that is the minimum itself
/// (as fastai plots it), while <see cref="LearningRate"/> is a tenth of its LR; for "consensus" it is the curve point
/// nearest (in log10 LR) to the consensus value.
/// </remarks>
public sealed record Suggestion(string Rule, double? LearningRate, int? Index, string? FailureReason)
{
    public bool HasValue => LearningRate is not null;

    /// <summary>Lowest learning rate among the rules a combined suggestion was made from (null for single rules).</summary>
    public double? BandLow { get; init; }

    /// <summary>Highest learning rate among the rules a combined suggestion was made from (null for single rules).</summary>
    public double? BandHigh { get; init; }

    /// <summary>True when the combined rules disagree too much (or too few of them answered) to trust the value.</summary>
    public bool LowConfidence { get; init; }

    public static Suggestion At(string rule, double learningRate, int index) => new(rule, learningRate, index, null);

    public static Suggestion Failed(string rule, string reason) => new(rule, null, null, reason);
}
