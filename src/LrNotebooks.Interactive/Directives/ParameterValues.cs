using System.Globalization;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// Turns parameter text into values. Parameters bind as strings, so a bad value gets a message that names the
/// parameter and says what is expected (instead of the parser's JSON error).
/// Errors are <see cref="ArgumentException"/>s whose ParamName is the parameter (e.g. "--max-lr").
/// </summary>
internal static class ParameterValues
{
    public static double? Number(string? text, string parameter, string expected)
    {
        if (text is null) return null;
        var value = Required(text, parameter, expected);
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            throw new ArgumentException($"expected {expected}, not '{value}'.", parameter);
        return number;
    }

    public static int? Integer(string? text, string parameter, string expected)
    {
        if (text is null) return null;
        var value = Required(text, parameter, expected);
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            throw new ArgumentException(
                double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) >= int.MaxValue
                    ? $"'{value}' is too large; expected {expected}."
                    : $"expected {expected}, not '{value}'.",
                parameter);
        return number;
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), returned as spelled in the list.</summary>
    public static string? Choice(string? text, string parameter, IReadOnlyCollection<string> allowed)
    {
        if (text is null) return null;
        var value = Required(text, parameter, OneOf(allowed));
        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"expected {OneOf(allowed)}, not '{value}'{Spelling.DidYouMean(value, allowed)}.", parameter);
    }

    public static string OneOf(IReadOnlyCollection<string> allowed) =>
        allowed.Count == 1 ? allowed.First() : string.Join(", ", allowed.SkipLast(1)) + " or " + allowed.Last();

    /// <summary>The text, or an error when the parameter was given without a value.</summary>
    public static string Required(string text, string parameter, string expected)
    {
        var value = text.Trim();
        return value.Length > 0 ? value : throw new ArgumentException($"needs a value: {expected}.", parameter);
    }
}

/// <summary>Suggests the closest known name for a misspelt one.</summary>
internal static class Spelling
{
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(word.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, best.Name.Length / 3) ? best.Name : null;
    }

    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } name ? $" (did you mean '{name}'?)" : "";

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
