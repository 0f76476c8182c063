using LrNotebooks.Suggestions;
using LrNotebooks.Training;

namespace LrNotebooks.RangeTest;

/// <summary>
/// Settings of a learning-rate range test. Names follow PyTorch/fastai (<c>min_lr</c> -> <see cref="MinLr"/>).
/// All validation lives in <see cref="Validate"/>, shared by the C# API and the notebook directive.
/// </summary>
public sealed record RangeTestOptions
{
    public double MinLr { get; init; } = 1e-7;
    public double MaxLr { get; init; } = 10;
    /// <summary>Optimizer steps to run (each one a new learning rate). At least 2.</summary>
    public int Steps { get; init; } = 100;
    public LadderMode Mode { get; init; } = LadderMode.Exp;
    /// <summary>EMA factor of the smoothed loss (0 disables smoothing; must be below 1).</summary>
    public double SmoothingBeta { get; init; } = 0.98;
    /// <summary>Stop when the smoothed loss exceeds this multiple of the best smoothed loss. Infinity disables.</summary>
    public double DivergenceFactor { get; init; } = 4;
    /// <summary>Mini-batches whose gradients are summed (averaged) into one optimizer step.</summary>
    public int AccumulationSteps { get; init; } = 1;
    /// <summary>Batch size used when the data is a (X, Y) tensor pair.</summary>
    public int BatchSize { get; init; } = 64;
    /// <summary>
    /// When above 0, measure the validation loss of a fixed subset every this many steps (and at the last
    /// planned step); validation data is then required. 0 (the default) measures none.
    /// </summary>
    public int ValidationEvery { get; init; }
    /// <summary>How many validation batches make up the fixed validation subset.</summary>
    public int ValidationBatches { get; init; } = 4;
    /// <summary>Name of the rule that picks <see cref="RangeTestResult.SuggestedLr"/> (see <see cref="SuggestionRules"/>).</summary>
    public string Suggest { get; init; } = SuggestionRules.DefaultName;
    /// <summary>Seeds torch's RNG for the run (data order, dropout). The caller's RNG state is restored afterwards.</summary>
    public int? Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option and what is expected.</summary>
    public void Validate()
    {
        RequirePositiveFinite(MinLr, nameof(MinLr), "--min-lr");
        RequirePositiveFinite(MaxLr, nameof(MaxLr), "--max-lr");
        if (MinLr >= MaxLr)
            throw new ArgumentException($"MinLr (--min-lr) must be below MaxLr (--max-lr); got {MinLr} and {MaxLr}.", nameof(MinLr));
        if (Steps < 2)
            throw new ArgumentException($"Steps (--steps) must be at least 2; got {Steps}.", nameof(Steps));
        if (!Enum.IsDefined(Mode))
            throw new ArgumentException($"Mode (--mode) must be exp or linear; got {Mode}.", nameof(Mode));
        RunOptionChecks.SmoothingBeta(SmoothingBeta, nameof(SmoothingBeta));
        if (!(DivergenceFactor > 1))
            throw new ArgumentException($"DivergenceFactor must be above 1 (Infinity disables the divergence stop); got {DivergenceFactor}.", nameof(DivergenceFactor));
        RunOptionChecks.AtLeastOne(AccumulationSteps, nameof(AccumulationSteps));
        if (BatchSize < 1)
            throw new ArgumentException($"BatchSize (--batch-size) must be at least 1; got {BatchSize}.", nameof(BatchSize));
        if (ValidationEvery < 0)
            throw new ArgumentException($"ValidationEvery must be 0 (no validation) or a positive number of steps; got {ValidationEvery}.", nameof(ValidationEvery));
        RunOptionChecks.AtLeastOne(ValidationBatches, nameof(ValidationBatches));
        SuggestionRules.ByName(Suggest); // throws ArgumentException("suggest") listing the rules
    }

    private static void RequirePositiveFinite(double value, string name, string flag)
    {
        if (!(double.IsFinite(value) && value > 0))
            throw new ArgumentException($"{name} ({flag}) must be a positive finite number; got {value}.", name);
    }
}
