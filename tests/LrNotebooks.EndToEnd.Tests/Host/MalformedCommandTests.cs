using LrNotebooks.EndToEnd.Tests.Infrastructure;

namespace LrNotebooks.EndToEnd.Tests.Host;

/// <summary>A bad command fails with one clear line naming the parameter; the kernel stays usable.</summary>
[Collection(RealHostCollection.Name)]
public class MalformedCommandTests(RealHost host)
{
    public static TheoryData<string, string> BadCommands => new()
    {
        { "#!lrfind --max-lr abc", "--max-lr" },
        { "#!lrfind --min-lr 1 --max-lr 0.1", "-lr" },
        { "#!lrfind --steps 1", "--steps" },
        { "#!lrfind --mode sideways", "--mode" },
        { "#!lrfind --suggest guess", "--suggest" },
        { "#!lrfind --model noSuchVariable --data noSuchData", "--model" },
        { "#!lrfind --bogus 3", "--bogus" },
        { "#!onecycle --max-lr -1", "--max-lr" },
        { "#!onecycle --anneal zigzag", "--anneal" },
        { "#!onecycle --pct-start 1.5", "--pct-start" },
        { "#!onecycle --model m", "--model" },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public async Task Fails_with_one_line_naming_the_parameter_and_the_next_cell_works(string command, string parameter)
    {
        var result = await host.RunAsync(command);

        Assert.False(result.Succeeded, $"`{command}` should fail");
        var message = result.FailureMessage!;
        Assert.Contains(parameter, message);
        Assert.DoesNotContain("\n", message.Trim());
        Assert.DoesNotContain("Exception", message);   // a message, not an exception dump
        Assert.Empty(Outputs.ChartHtml(result));
        Assert.Equal("ok", await host.EvaluateAsync("\"o\" + \"k\""));
    }

    [Fact]
    public async Task Data_of_the_wrong_type_is_named_and_the_model_is_unchanged()
    {
        await host.RunOkAsync(CSharpSnippets.ModelAndData("bad") + "\nvar badNotData = \"not a tensor\";");

        var result = await host.RunAsync("#!lrfind --model badModel --data badNotData");

        Assert.False(result.Succeeded);
        Assert.Contains("--data", result.FailureMessage);
        Assert.DoesNotContain("\n", result.FailureMessage!.Trim());
        Assert.Equal("True", await host.EvaluateAsync(CSharpSnippets.WeightsUnchanged("bad")));
    }
}
