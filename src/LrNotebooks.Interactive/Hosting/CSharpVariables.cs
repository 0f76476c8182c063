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

    /// <summary>
    /// Puts <paramref name="value"/> in the variable <paramref name="name"/>, declared as <paramref name="declaredType"/>.
    /// When the variable's latest declaration already has that type, the value is assigned in place: the kernel's
    /// SetValueAsync compiles and loads one more script submission per call, which the script state keeps for the
    /// kernel's lifetime (with its Roslyn compilation and its copy of the old value), so each repeated run grew the
    /// kernel (bench/RESULTS.md). Later cells see the same variable with the same type either way.
    /// </summary>
    public Task SetAsync(string name, object value, Type declaredType)
    {
        var csharp = CSharp ?? throw new InvalidOperationException("LrNotebooks needs the C# kernel.");
        if (csharp.ScriptState?.GetVariable(name) is { IsReadOnly: false } declared && declared.Type == declaredType)
        {
            declared.Value = value;
            return Task.CompletedTask;
        }
        return csharp.SetValueAsync(name, value, declaredType);
    }
}
