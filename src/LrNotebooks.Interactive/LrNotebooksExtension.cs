using LrNotebooks.Interactive.Directives;
using LrNotebooks.Interactive.Formatting;
using LrNotebooks.Interactive.Hosting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace LrNotebooks.Interactive;

/// <summary>
/// The kernel extension the notebook host runs after <c>#r "nuget: LrNotebooks.Interactive"</c>: registers the magic
/// commands and the result formatters, then says in one line what it did (and what is missing, if anything).
/// </summary>
public sealed class LrNotebooksExtension : IKernelExtension
{
    public Task OnLoadAsync(Kernel kernel)
    {
        var variables = new CSharpVariables(kernel);
        var session = new SessionState();
        var lrfind = new LrFindDirective(variables, session);
        var onecycle = new OneCycleDirective(variables, session);
        lrfind.Register(kernel);
        onecycle.Register(kernel);
        MisspeltParameters.Register(kernel, [(LrFindDirective.Name, lrfind.Specs), (OneCycleDirective.Name, onecycle.Specs)]);
        SettingsDirective.Register(kernel);
        ResultFormatters.Register();

        var banner = $"LrNotebooks: registered {LrFindDirective.Name} and {OneCycleDirective.Name} (and {SettingsDirective.Name}); for usage run `{LrFindDirective.Name} --help`.";
        if (TorchBackend.Problem() is { } problem) banner += Environment.NewLine + problem;
        KernelInvocationContext.Current?.DisplayAs(banner, PlainTextFormatter.MimeType);
        return Task.CompletedTask;
    }
}
