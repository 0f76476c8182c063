namespace LrNotebooks.Suggestions;

/// <summary>Picks a learning rate from a range test's curve (learning rates and smoothed losses, same length).</summary>
public interface ISuggestionRule
{
    string Name { get; }
    string Description { get; }
    Suggestion Suggest(IReadOnlyList<double> learningRates, IReadOnlyList<double> smoothedLosses);
}
