using System.Text.Json;
using LrNotebooks.Suggestions;
using LrNotebooks.Training;

namespace LrNotebooks.RangeTest;

/// <summary>What a range test measured, what each rule suggests, and what the user should know about the run.</summary>
public sealed class RangeTestResult
{
    /// <summary>The learning rate of each step that ran.</summary>
    public required double[] LearningRates { get; init; }
    /// <summary>The raw training loss of each step that ran (may end with NaN/Inf when <see cref="StopReason"/> says so).</summary>
    public required double[] Losses { get; init; }
    /// <summary>Bias-corrected EMA of <see cref="Losses"/>.</summary>
    public required double[] SmoothedLosses { get; init; }
    /// <summary>Validation loss per step (NaN where not measured); null when no validation mode ran.</summary>
    public double[]? ValidationLosses { get; init; }
    public required StopReason StopReason { get; init; }
    /// <summary>Index of the step where the run diverged or hit NaN/Inf; null otherwise.</summary>
    public int? StopStep { get; init; }
    /// <summary>Every rule's outcome (suggested or the reason it could not), in <see cref="SuggestionRules.All"/> order.</summary>
    public required IReadOnlyList<Suggestion> Suggestions { get; init; }
    /// <summary>The rule that chose <see cref="SuggestedLr"/>.</summary>
    public required string SuggestionRule { get; init; }
    /// <summary>The suggested learning rate, or NaN when no rule could suggest one (see <see cref="Notes"/>).</summary>
    public required double SuggestedLr { get; init; }
    /// <summary>True when the rules disagree by more than half a decade.</summary>
    public bool LowConfidence { get; init; }
    /// <summary>Plain-language remarks: range too short, start too high, why nothing was suggested.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
    public required RangeTestOptions Options { get; init; }
    /// <summary>e.g. "AdamW (fresh)" or "SGD (yours)".</summary>
    public required string OptimizerDescription { get; init; }
    public required TimeSpan Elapsed { get; init; }

    /// <summary>One row per step: step, lr, loss, smoothed_loss (and validation_loss in validation mode).</summary>
    public string ToCsv() => ResultFormats.Csv(
    [
        ("lr", LearningRates),
        ("loss", Losses),
        ("smoothed_loss", SmoothedLosses),
        .. ValidationLosses is null ? Array.Empty<(string, IReadOnlyList<double>)>() : [("validation_loss", ValidationLosses)],
    ]);

    /// <summary>Everything, including options and every rule's outcome; NaN and Infinity as named literals.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ResultFormats.Json);

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    public static RangeTestResult FromJson(string json) =>
        JsonSerializer.Deserialize<RangeTestResult>(json, ResultFormats.Json)
        ?? throw new ArgumentException("The JSON holds no range-test result.", nameof(json));
}
