using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Formatting;

namespace LrNotebooks.Interactive.Directives;

/// <summary>The parameters of <c>#!lrnotebooks</c>.</summary>
public sealed class SettingsCommand : KernelDirectiveCommand
{
    public string? Plotly { get; set; }
    public bool Help { get; set; }
}

/// <summary><c>#!lrnotebooks --plotly inline|cdn</c>: session settings of the extension.</summary>
internal static class SettingsDirective
{
    public const string Name = "#!lrnotebooks";
    private static readonly string[] PlotlyModes = ["cdn", "inline"];

    private static IReadOnlyList<ParameterSpec> Specs() =>
    [
        new("--plotly", "cdn|inline", "where charts get plotly.js: cdn (small outputs, needs internet) or inline (about 3.6 MB per chart, renders offline)", "cdn",
            () => PlotlyModes),
        ParameterSpec.Switch("--help", "show this help"),
    ];

    public static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective(Name)
        {
            Description = "LrNotebooks settings for this session, e.g. #!lrnotebooks --plotly inline for charts that render offline.",
            Parameters = Specs().Select(s => s.ToDirectiveParameter()).ToList(),
        };
        kernel.AddDirective<SettingsCommand>(directive, Handle);
    }

    private static Task Handle(SettingsCommand command, KernelInvocationContext context) =>
        UserErrors.GuardAsync(Name, command, context, () =>
        {
            if (command.Help || command.Plotly is null)
            {
                context.DisplayAs(DirectiveHelp.Usage(Name, "settings of the LrNotebooks extension for this kernel session.", Specs(),
                    [$"Current: --plotly {ChartSettings.PlotlyMode.ToString().ToLowerInvariant()}"]), PlainTextFormatter.MimeType);
                return Task.CompletedTask;
            }
            ChartSettings.PlotlyMode = ParameterValues.Choice(command.Plotly, "--plotly", PlotlyModes) == "inline" ? PlotlyMode.Inline : PlotlyMode.Cdn;
            context.DisplayAs($"LrNotebooks charts now use plotly.js {(ChartSettings.PlotlyMode == PlotlyMode.Inline ? "inlined in each output (renders offline)" : "from the CDN")}.",
                PlainTextFormatter.MimeType);
            return Task.CompletedTask;
        });
}
