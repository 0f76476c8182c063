using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// Every user error ends as ONE line that names the directive, the parameter and what is expected, never a stack trace.
/// Errors are <see cref="ArgumentException"/>s, ours or the engine's (whose ParamName is an option name such as
/// "MaxLr" or "max-lr": both become "--max-lr").
/// </summary>
internal static class UserErrors
{
    // engine option names that do not spell the directive parameter
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AccumulationSteps"] = "--accumulate",
        ["SmoothingBeta"] = "--smoothing",
        ["DivergenceFactor"] = "--divergence",
        ["MaxLrs"] = "--max-lr",
        ["TotalSteps"] = "--steps",
        ["Anneal"] = "--anneal",
        ["CycleMomentum"] = "--base-momentum",
    };

    /// <summary>Runs a handler; an <see cref="ArgumentException"/> fails the command with one clear line.</summary>
    public static async Task GuardAsync(string directive, KernelCommand command, KernelInvocationContext context, Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (ArgumentException ex)
        {
            context.Fail(command, message: Message(directive, ex));
        }
        catch (UserErrorException ex)
        {
            context.Fail(command, message: $"{directive}: {ex.Message}");
        }
    }

    public static string Message(string directive, ArgumentException ex)
    {
        var text = ex.Message;
        if (ex.ParamName is { Length: > 0 } param)
            text = text.Replace($" (Parameter '{param}')", "", StringComparison.Ordinal);
        text = FirstLine(text);
        var parameter = ex.ParamName is { Length: > 0 } name ? ParameterName(name) : null;
        return parameter is null || text.StartsWith(parameter, StringComparison.Ordinal)
            ? $"{directive}: {text}"
            : $"{directive} {parameter}: {text}";
    }

    /// <summary>"MaxLr", "maxLr", "max-lr" or "--max-lr" to "--max-lr".</summary>
    public static string ParameterName(string name)
    {
        if (name.StartsWith("--", StringComparison.Ordinal)) return name;
        if (Renamed.TryGetValue(name, out var renamed)) return renamed;
        var kebab = new StringBuilder("--");
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '-') kebab.Append('-');
            kebab.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }
        return kebab.ToString();
    }

    public static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    /// <summary>Stops with the one-line explanation when TorchSharp's native backend does not work.</summary>
    public static void RequireTorch()
    {
        if (Hosting.TorchBackend.Problem() is { } problem) throw new UserErrorException(problem);
    }

    /// <summary>A run that threw (a model whose forward fails, data of the wrong shape): one line, no stack trace.</summary>
    public static UserErrorException RunFailed(string what, Exception failure) =>
        new($"running {what} failed: {FirstLine(failure.Message)} (check that the model's input matches the data's X, and its output matches the loss and Y).");

    /// <summary>The variable name results go to: <paramref name="fallback"/> unless --name gives a valid C# identifier.</summary>
    public static string ResultName(string? name, string fallback)
    {
        if (name is null) return fallback;
        var value = ParameterValues.Required(name, "--name", "a C# identifier such as lrfind2");
        var isIdentifier = SyntaxFacts.IsValidIdentifier(value) && SyntaxFacts.GetKeywordKind(value) == SyntaxKind.None;
        return isIdentifier
            ? value
            : throw new ArgumentException($"'{value}' is not a valid C# variable name; use letters, digits and _ (not starting with a digit, not a keyword), e.g. {fallback}2.", "--name");
    }
}

/// <summary>A failure the user can fix that is not about one parameter (e.g. no TorchSharp backend); its message is one line.</summary>
internal sealed class UserErrorException(string message) : Exception(message);
