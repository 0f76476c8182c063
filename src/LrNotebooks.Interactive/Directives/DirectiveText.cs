using System.Globalization;
using System.Text;
using Microsoft.DotNet.Interactive.Commands;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// Reads a directive's parameters from the submitted text to catch what the parser handles badly: a parameter given
/// without its value, which it binds as if the parameter were absent (so the default would silently apply), and a
/// misspelt parameter name, which it rejects without a hint.
/// </summary>
internal static class DirectiveText
{
    /// <summary>Throws an <see cref="ArgumentException"/> for the first value-taking parameter written without a value.</summary>
    public static void RequireValues(KernelCommand command, string directive, IReadOnlyList<ParameterSpec> specs)
    {
        if (SubmittedCode(command) is not { } code) return;
        foreach (var (_, spec, hasValue) in Written(code, directive, specs))
            if (spec is { Flag: false } && !hasValue)
                throw new ArgumentException($"needs a value ({spec.Value}): {spec.Description}.", spec.Name);
    }

    /// <summary>The first parameter name written on the directive's lines that is none of <paramref name="specs"/>, or null.</summary>
    public static string? UnknownParameter(string code, string directive, IReadOnlyList<ParameterSpec> specs) =>
        Written(code, directive, specs).FirstOrDefault(w => w.Spec is null).Name;

    /// <summary>Every parameter name on the directive's lines, its spec (null if unknown) and whether a value follows.</summary>
    private static IEnumerable<(string Name, ParameterSpec? Spec, bool HasValue)> Written(string code, string directive, IReadOnlyList<ParameterSpec> specs)
    {
        foreach (var line in DirectiveLines(code, directive))
        {
            var tokens = Tokens(line[directive.Length..]);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!IsParameterName(tokens[i])) continue;
                var spec = specs.FirstOrDefault(s => s.Name == tokens[i]);
                var hasValue = spec is { Flag: false } && i + 1 < tokens.Count && !IsParameterName(tokens[i + 1]);
                yield return (tokens[i], spec, hasValue);
                if (hasValue) i++; // skip the value
            }
        }
    }

    private static string? SubmittedCode(KernelCommand command)
    {
        for (var c = command; c is not null; c = c.Parent)
            if (c is SubmitCode submit) return submit.Code;
        return null;
    }

    private static IEnumerable<string> DirectiveLines(string code, string directive) =>
        code.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith(directive, StringComparison.Ordinal)
                        && (l.Length == directive.Length || char.IsWhiteSpace(l[directive.Length])));

    // "-1e-3" is a (bad) value, not a parameter name
    private static bool IsParameterName(string token) =>
        token.StartsWith('-') && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>Whitespace-separated words; double quotes group words.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0) tokens.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }
}
