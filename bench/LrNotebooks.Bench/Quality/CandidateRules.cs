using LrNotebooks.Suggestions;

namespace LrNotebooks.Bench.Quality;

/// <summary>Rule variants under evaluation, benchmarked next to the engine's rules (empty when none is being tried).</summary>
internal static class CandidateRules
{
    public static IReadOnlyList<ISuggestionRule> All { get; } = [];
}
