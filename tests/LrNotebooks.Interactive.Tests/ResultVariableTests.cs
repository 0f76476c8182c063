using LrNotebooks.RangeTest;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

namespace LrNotebooks.Interactive.Tests;

/// <summary>How a run's result reaches its C# variable: declared once, then assigned in place on later runs.</summary>
public class ResultVariableTests(KernelSession session) : IClassFixture<KernelSession>
{
    private CSharpKernel CSharp => (CSharpKernel)session.Kernel.FindKernelByName("csharp");

    /// <summary>Compiled submissions in the script state: each one stays loaded for the kernel's lifetime.</summary>
    private int Submissions()
    {
        int count = 0;
        for (var script = CSharp.ScriptState.Script; script is not null; script = script.Previous) count++;
        return count;
    }

    private async Task Ok(string code) => Assert.Null(KernelSession.Failure(await session.Submit(code)));

    [Fact]
    public async Task A_second_run_into_the_same_variable_compiles_no_submission_and_later_cells_see_its_result()
    {
        await Ok("#!lrfind --steps 20 --divergence off --name repeated");
        var first = CSharp.ScriptState.GetVariable("repeated").Value;
        int submissions = Submissions();

        await Ok("#!lrfind --steps 30 --divergence off --name repeated");

        Assert.Equal(submissions, Submissions());
        var variable = CSharp.ScriptState.GetVariable("repeated");
        Assert.Equal(typeof(RangeTestResult), variable.Type);
        Assert.NotSame(first, variable.Value);
        // compiles only if the variable is declared as RangeTestResult
        Assert.Equal(30, await session.Value<int>("repeated.Losses.Length"));
    }

    [Fact]
    public async Task A_variable_the_user_declared_with_another_type_is_declared_again_as_the_result_type()
    {
        await Ok("object mine = 42;");

        await Ok("#!lrfind --steps 20 --divergence off --name mine");

        Assert.Equal(typeof(RangeTestResult), CSharp.ScriptState.GetVariable("mine").Type);
        Assert.Equal(20, await session.Value<int>("mine.Losses.Length"));
    }
}
