namespace LrNotebooks.Suggestions;

/// <summary>The rules by name: steepest, valley, minimum, slide, consensus, and lightning (reference only).</summary>
public static class SuggestionRules
{
    /// <summary>Until a benchmark picks the default on evidence.</summary>
    public const string DefaultName = "consensus";

    private static readonly ISuggestionRule[] Singles = [new SteepestRule(), new ValleyRule(), new MinimumRule(), new SlideRule()];

    /// <summary>Every rule, in a stable order: steepest, valley, minimum, slide, consensus, lightning.</summary>
    public static IReadOnlyList<ISuggestionRule> All { get; } = [.. Singles, new ConsensusRule(Singles), new LightningRule()];

    /// <summary>ArgumentException (parameter "suggest") listing the names for an unknown name.</summary>
    public static ISuggestionRule ByName(string name) =>
        All.FirstOrDefault(rule => string.Equals(rule.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"Unknown suggestion rule '{name}'. Expected one of: {string.Join(", ", All.Select(rule => rule.Name))}.", "suggest");
}
