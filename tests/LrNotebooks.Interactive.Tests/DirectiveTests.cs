using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace LrNotebooks.Interactive.Tests;

/// <summary>Help, hover, completions and the load banner: no training needed.</summary>
public class DirectiveTests(KernelSession session) : IClassFixture<KernelSession>
{
    private static readonly string[] LrFindParameters =
    [
        "--model", "--data", "--loss", "--optimizer", "--task", "--batch-size", "--seed", "--name", "--min-lr", "--max-lr",
        "--steps", "--mode", "--suggest", "--accumulate", "--divergence", "--smoothing", "--help",
    ];

    private static readonly string[] OneCycleParameters =
    [
        "--max-lr", "--steps", "--epochs", "--steps-per-epoch", "--pct-start", "--anneal", "--div-factor", "--final-div-factor",
        "--three-phase", "--base-momentum", "--max-momentum", "--preset", "--train", "--compare-constant", "--model", "--data",
        "--loss", "--optimizer", "--task", "--batch-size", "--seed", "--name", "--help",
    ];

    [Fact]
    public void Loading_says_what_was_registered_and_how_to_get_help()
    {
        var banner = KernelSession.Outputs(session.LoadResult!, "text/plain").Single(o => o.StartsWith("LrNotebooks", StringComparison.Ordinal));
        Assert.Contains("#!lrfind", banner);
        Assert.Contains("#!onecycle", banner);
        Assert.Contains("#!lrfind --help", banner);
        Assert.DoesNotContain('\n', banner); // this machine has a working TorchSharp backend: one line
    }

    [Theory]
    [InlineData("#!lrfind --help", nameof(LrFindParameters))]
    [InlineData("#!onecycle --help", nameof(OneCycleParameters))]
    public async Task Help_lists_every_parameter_with_its_default(string code, string list)
    {
        var expected = list == nameof(LrFindParameters) ? LrFindParameters : OneCycleParameters;
        var result = await session.Submit(code);

        Assert.Null(KernelSession.Failure(result));
        var help = Assert.Single(KernelSession.Outputs(result, "text/plain"));
        var lines = help.Split('\n');
        foreach (var parameter in expected)
        {
            var line = Assert.Single(lines, l => l.TrimStart().StartsWith(parameter + " ", StringComparison.Ordinal));
            Assert.Contains("(default: ", line);
        }
    }

    [Fact]
    public async Task Help_shows_the_documented_defaults()
    {
        var help = KernelSession.Outputs(await session.Submit("#!lrfind --help"), "text/plain").Single();
        Assert.Matches(@"--min-lr <number>\s+.*\(default: 1E-07\)", help);
        Assert.Matches(@"--max-lr <number>\s+.*\(default: 10\)", help);
        Assert.Matches(@"--steps <integer>\s+.*\(default: 100\)", help);
        Assert.Matches(@"--task <name>\s+.*\(default: spirals\)", help);
        var onecycle = KernelSession.Outputs(await session.Submit("#!onecycle --help"), "text/plain").Single();
        Assert.Contains("CHANGES your model", onecycle);
    }

    private async Task<IReadOnlyList<string>> Completions(string code)
    {
        var result = await session.Kernel.SendAsync(new RequestCompletions(code, new LinePosition(0, code.Length)));
        return result.Events.OfType<CompletionsProduced>().SelectMany(e => e.Completions).Select(c => c.DisplayText).ToList();
    }

    [Fact]
    public async Task Parameter_names_complete()
    {
        var names = await Completions("#!lrfind --");
        Assert.Contains("--max-lr", names);
        Assert.Contains("--suggest", names);
    }

    [Theory]
    [InlineData("#!lrfind --mode ", new[] { "exp", "linear" })]
    [InlineData("#!onecycle --anneal ", new[] { "cos", "linear", "both" })]
    [InlineData("#!lrfind --loss ", new[] { "cross_entropy", "mse", "bce", "l1" })]
    [InlineData("#!lrfind --optimizer ", new[] { "adamw", "adam", "sgd" })]
    [InlineData("#!lrfind --suggest ", new[] { "steepest", "valley", "consensus" })]
    public async Task Enumerated_values_complete(string code, string[] expected)
    {
        var values = await Completions(code);
        foreach (var value in expected) Assert.Contains(value, values);
    }

    [Fact]
    public async Task Model_and_data_complete_with_variables_of_the_right_type()
    {
        Assert.Null(KernelSession.Failure(await session.Submit(
            "using TorchSharp; using static TorchSharp.torch;\n" +
            "var completionNet = nn.Sequential(nn.Linear(2, 3));\n" +
            "var completionData = (torch.randn(8, 2), torch.randint(0, 3, 8));\n" +
            "var completionText = \"not a model\";")));

        var models = await Completions("#!lrfind --model ");
        var data = await Completions("#!lrfind --data ");

        Assert.Contains("completionNet", models);
        Assert.DoesNotContain("completionText", models);
        Assert.DoesNotContain("completionData", models);
        Assert.Contains("completionData", data);
        Assert.DoesNotContain("completionNet", data);
    }

    [Fact]
    public async Task Hover_shows_the_parameter_description()
    {
        const string code = "#!lrfind --max-lr 1";
        var result = await session.Kernel.SendAsync(new RequestHoverText(code, new LinePosition(0, 12)));
        var hover = string.Join(" ", result.Events.OfType<HoverTextProduced>().SelectMany(e => e.Content).Select(c => c.Value));
        Assert.Contains("largest learning rate", hover);
    }

    [Fact]
    public async Task Plotly_mode_switches_for_the_session()
    {
        try
        {
            Assert.Null(KernelSession.Failure(await session.Submit("#!lrnotebooks --plotly inline")));
            Assert.Equal(PlotlyMode.Inline, ChartSettings.PlotlyMode);
            Assert.Null(KernelSession.Failure(await session.Submit("#!lrnotebooks --plotly cdn")));
            Assert.Equal(PlotlyMode.Cdn, ChartSettings.PlotlyMode);
        }
        finally
        {
            ChartSettings.PlotlyMode = PlotlyMode.Cdn;
        }
    }
}
