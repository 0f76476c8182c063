namespace LrNotebooks.Suggestions;

/// <summary>One rule's outcome: a learning rate (and the curve index it sits at), or the reason it has none.</summary>
public sealed record Suggestion(string Rule, double? LearningRate, int? Index, string? FailureReason)
{
    public bool HasValue => LearningRate is not null;
}
