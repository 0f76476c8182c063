namespace LrNotebooks.Suggestions;

/// <summary>The rules by name: steepest, valley, minimum, slide, consensus, and lightning (reference only).</summary>
public static class SuggestionRules
{
    public const string DefaultName = "consensus";
    public static IReadOnlyList<ISuggestionRule> All => throw new NotImplementedException();
    /// <summary>ArgumentException (parameter "suggest") listing the names for an unknown name.</summary>
    public static ISuggestionRule ByName(string name) => throw new NotImplementedException();
}
