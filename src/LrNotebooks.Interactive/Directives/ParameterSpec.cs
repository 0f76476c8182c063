using Microsoft.DotNet.Interactive.Directives;

namespace LrNotebooks.Interactive.Directives;

/// <summary>
/// One directive parameter, described once: the same text feeds hover, completions and <c>--help</c>.
/// Nothing is Required (a required parameter breaks <c>--help</c>): handlers check what they need.
/// </summary>
internal sealed record ParameterSpec(
    string Name,
    string Value,
    string Description,
    string Default,
    Func<IEnumerable<string>>? Completions = null)
{
    /// <summary>A parameter without a value (present means true).</summary>
    public bool Flag => Value.Length == 0;

    public static ParameterSpec Switch(string name, string description) => new(name, "", description, "off");

    public KernelDirectiveParameter ToDirectiveParameter()
    {
        var parameter = new KernelDirectiveParameter(Name, $"{Description} (default: {Default})") { Flag = Flag };
        if (Completions is { } complete) parameter.AddCompletions(() => SafeCompletions(complete));
        return parameter;
    }

    // a completion provider must never break the editor
    private static IEnumerable<string> SafeCompletions(Func<IEnumerable<string>> complete)
    {
        try { return complete().ToList(); }
        catch (Exception) { return []; }
    }
}

/// <summary>The <c>--help</c> text of a directive: what it does, then every parameter with its default.</summary>
internal static class DirectiveHelp
{
    public static string Usage(string directive, string summary, IReadOnlyList<ParameterSpec> parameters, IEnumerable<string> notes)
    {
        var usage = new System.Text.StringBuilder();
        usage.AppendLine($"{directive}: {summary}");
        usage.AppendLine();
        usage.AppendLine($"Usage: {directive} [parameters]");
        var left = parameters.Select(p => p.Flag ? p.Name : $"{p.Name} <{p.Value}>").ToList();
        var width = left.Max(l => l.Length);
        for (var i = 0; i < parameters.Count; i++)
            usage.AppendLine($"  {left[i].PadRight(width)}  {parameters[i].Description} (default: {parameters[i].Default})");
        var noteLines = notes.ToList();
        if (noteLines.Count > 0) usage.AppendLine();
        foreach (var note in noteLines) usage.AppendLine(note);
        return usage.ToString();
    }
}
