namespace LrNotebooks.Schedules;

/// <summary>The checks schedule options share; each throws ArgumentException naming the option.</summary>
internal static class OptionChecks
{
    public static void PositiveFinite(double value, string name, string what)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentException($"{what} must be a positive finite number, got {value}.", name);
    }

    public static void PositiveFinite(IReadOnlyList<double>? values, string name, string what)
    {
        if (values is null || values.Count == 0)
            throw new ArgumentException($"{what} needs at least one value (one per parameter group).", name);
        foreach (var v in values) PositiveFinite(v, name, what);
    }

    public static void AtLeastOne(int value, string name, string what)
    {
        if (value < 1) throw new ArgumentException($"{what} must be at least 1, got {value}.", name);
    }

    public static void Fraction(double value, string name, string what)
    {
        if (!(value >= 0 && value <= 1))
            throw new ArgumentException($"{what} must be between 0 and 1, got {value}.", name);
    }

    public static void MomentumBounds(double low, string lowName, double high, string highName)
    {
        Fraction(low, lowName, "The lower momentum");
        Fraction(high, highName, "The upper momentum");
        if (low > high)
            throw new ArgumentException($"{lowName} ({low}) must not exceed {highName} ({high}).", lowName);
    }

    public static void StepInRange(int step, int totalSteps)
    {
        if (step < 0 || step > totalSteps)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"The schedule is defined for steps 0..{totalSteps}.");
    }

    public static void GroupInRange(int group, int groupCount)
    {
        if (group < 0 || group >= groupCount)
            throw new ArgumentOutOfRangeException(nameof(group), group, $"The schedule has {groupCount} parameter group(s).");
    }
}
