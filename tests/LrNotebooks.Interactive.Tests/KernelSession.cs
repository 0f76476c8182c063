using LrNotebooks.RangeTest;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace LrNotebooks.Interactive.Tests;

/// <summary>A C# kernel inside a composite kernel with the extension loaded, as the notebook host sets it up.</summary>
public class KernelSession : IAsyncLifetime, IDisposable
{
    public CompositeKernel Kernel { get; } = new() { new CSharpKernel().UseKernelHelpers() };
    public KernelCommandResult? LoadResult { get; private set; }

    public virtual async Task InitializeAsync()
    {
        Kernel.DefaultKernelName = "csharp";
        var csharp = (CSharpKernel)Kernel.FindKernelByName("csharp");
        // what `#r nuget` makes visible to cells in the real host
        csharp.AddAssemblyReferences(new[]
        {
            typeof(LrNotebooksExtension), typeof(RangeTestResult), typeof(TorchSharp.torch), typeof(Plotly.NET.GenericChart),
            typeof(Plotly.NET.CSharp.Chart), typeof(Microsoft.FSharp.Core.Unit),
        }.Select(t => t.Assembly.Location));
        // the host runs OnLoadAsync inside the submission that added the package (so its banner shows there): same here
        LoadResult = await Submit(
            "await new LrNotebooks.Interactive.LrNotebooksExtension().OnLoadAsync(" +
            "Microsoft.DotNet.Interactive.KernelInvocationContext.Current.HandlingKernel.RootKernel);");
        Assert.Null(Failure(LoadResult));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Kernel.Dispose();
        GC.SuppressFinalize(this);
    }

    public Task<KernelCommandResult> Submit(string code) => Kernel.SendAsync(new SubmitCode(code));

    public async Task<T> Value<T>(string expression)
    {
        var result = await Submit(expression);
        Assert.Null(Failure(result));
        return (T)result.Events.OfType<ReturnValueProduced>().Single().Value;
    }

    public static string? Failure(KernelCommandResult result) => result.Events.OfType<CommandFailed>().FirstOrDefault()?.Message;

    public static IEnumerable<string> Outputs(KernelCommandResult result, string mimeType) =>
        result.Events.OfType<DisplayEvent>().SelectMany(e => e.FormattedValues).Where(v => v.MimeType == mimeType).Select(v => v.Value);
}

/// <summary>A session where the user's model, data, loss and optimizer cells have run (see <see cref="UserCells"/>).</summary>
public sealed class UserKernelSession : KernelSession
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.Null(Failure(await Submit(UserCells.ModelAndData)));
    }
}
