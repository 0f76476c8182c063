using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace LrNotebooks.Interactive.Hosting;

/// <summary>
/// The notebook host ships an older FSharp.Core (10.0) than Plotly.NET is built against (10.1), and only one
/// FSharp.Core can live in the default load context. When binding to the newer one fails, hand out the one
/// already loaded: FSharp.Core is backward compatible for the functions our charts use.
/// </summary>
internal static class FSharpCoreResolver
{
    [ModuleInitializer] // runs when the host loads this assembly, before any chart code
    internal static void Install() => AssemblyLoadContext.Default.Resolving += ResolveLoadedFSharpCore;

    private static Assembly? ResolveLoadedFSharpCore(AssemblyLoadContext context, AssemblyName requested) =>
        requested.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => a.GetName().Name == "FSharp.Core")
                .OrderByDescending(a => a.GetName().Version)
                .FirstOrDefault()
            : null;
}
