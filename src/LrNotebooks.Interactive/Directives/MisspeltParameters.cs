using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// "Did you mean --max-lr?" for a misspelt parameter of our directives. The parser rejects such a submission
/// (DNI103 "Unrecognized parameter name") before any handler runs and offers no hook into its message; what reaches
/// the root kernel's pipeline in its place is a command whose parent is the submission. A middleware there finds the
/// unknown name on our directive's line and fails with one line naming it and the closest parameter, or listing them
/// all when none is close. Errors in other directives go through unchanged.
/// </summary>
internal static class MisspeltParameters
{
    public static void Register(Kernel kernel, IReadOnlyList<(string Directive, Func<IReadOnlyList<ParameterSpec>> Specs)> directives) =>
        kernel.AddMiddleware(async (command, context, next) =>
        {
            if (command is not (SubmitCode or KernelDirectiveCommand) && command.Parent is SubmitCode submit
                && Hint(submit.Code, directives) is { } message)
                context.Fail(command, message: message);
            else
                await next(command, context);
        });

    /// <summary>The one-line error for the first unknown parameter of our directives in the code, if there is one.</summary>
    internal static string? Hint(string code, IEnumerable<(string Directive, Func<IReadOnlyList<ParameterSpec>> Specs)> directives)
    {
        foreach (var (directive, specsOf) in directives)
        {
            if (!code.Contains(directive, StringComparison.Ordinal)) continue;
            var specs = specsOf();
            if (DirectiveText.UnknownParameter(code, directive, specs) is not { } unknown) continue;
            return Spelling.Closest(unknown, specs.Select(s => s.Name)) is { } closest
                ? $"{directive}: unknown parameter '{unknown}'; did you mean '{closest}'? ({directive} --help lists them all)"
                : $"{directive}: unknown parameter '{unknown}'. Expected one of: {string.Join(", ", specs.Select(s => s.Name))} ({directive} --help explains them).";
        }
        return null;
    }
}
