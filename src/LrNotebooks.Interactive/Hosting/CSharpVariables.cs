using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

namespace LrNotebooks.Interactive.Hosting;

/// <summary>Reads and writes the variables of the notebook's C# kernel.</summary>
internal sealed class CSharpVariables(Kernel kernel)
{
    private CSharpKernel? CSharp =>
        kernel as CSharpKernel ?? (kernel.RootKernel as CompositeKernel)?.FindKernelByName("csharp") as CSharpKernel;

    public bool Available => CSharp is not null;

    /// <summary>The live object held by the variable (null when it holds null), or false when there is no such variable.</summary>
    public bool TryGet(string name, out object? value)
    {
        value = null;
        return CSharp is { } csharp && csharp.TryGetValue<object>(name, out value);
    }

    /// <summary>Names of the variables whose current value satisfies <paramref name="fits"/>, for completions.</summary>
    public IReadOnlyList<string> NamesWhere(Func<object?, bool> fits)
    {
        if (CSharp?.ScriptState is not { } state) return [];
        // a re-declared variable appears once per declaration: the last one is the live one
        return state.Variables.AsEnumerable()
            .GroupBy(v => v.Name)
            .Select(g => g.Last())
            .Where(v => fits(v.Value))
            .Select(v => v.Name)
            .ToList();
    }

    public Task SetAsync(string name, object value, Type declaredType) =>
        CSharp is { } csharp
            ? csharp.SetValueAsync(name, value, declaredType)
            : throw new InvalidOperationException("LrNotebooks needs the C# kernel.");
}
