using System.Globalization;
using System.Text;
using Microsoft.DotNet.Interactive.Commands;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// Reads a directive's parameters from the submitted text to catch a parameter given without its value, which the
/// parser binds as if the parameter were absent (so the default would silently apply).
/// </summary>
internal static class DirectiveText
{
    /// <summary>Throws an <see cref="ArgumentException"/> for the first value-taking parameter written without a value.</summary>
    public static void RequireValues(KernelCommand command, string directive, IReadOnlyList<ParameterSpec> specs)
    {
        if (SubmittedCode(command) is not { } code) return;
        foreach (var line in DirectiveLines(code, directive))
        {
            var tokens = Tokens(line[directive.Length..]);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (specs.FirstOrDefault(s => s.Name == tokens[i]) is not { Flag: false } spec) continue;
                if (i + 1 >= tokens.Count || IsParameterName(tokens[i + 1]))
                    throw new ArgumentException($"needs a value ({spec.Value}): {spec.Description}.", spec.Name);
                i++; // skip the value
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
