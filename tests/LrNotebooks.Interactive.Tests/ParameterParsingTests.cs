using LrNotebooks.Interactive.Directives;

namespace LrNotebooks.Interactive.Tests;

public class ParameterParsingTests
{
    [Theory]
    [InlineData("1e-3", 1e-3)]
    [InlineData(" 0.5 ", 0.5)]
    [InlineData("-2", -2.0)]
    public void Numbers_parse_invariantly(string text, double expected) =>
        Assert.Equal(expected, ParameterValues.Number(text, "--max-lr", "a number"));

    [Theory]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Bad_numbers_name_the_parameter_and_the_value(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => ParameterValues.Number(text, "--max-lr", "a positive number"));
        Assert.Equal("--max-lr", ex.ParamName);
        Assert.Contains($"'{text}'", ex.Message);
    }

    [Fact]
    public void Absent_values_are_null_and_empty_values_are_errors()
    {
        Assert.Null(ParameterValues.Integer(null, "--steps", "a whole number"));
        var ex = Assert.Throws<ArgumentException>(() => ParameterValues.Integer(" ", "--steps", "a whole number"));
        Assert.Contains("needs a value", ex.Message);
    }

    [Fact]
    public void Huge_integers_say_too_large()
    {
        var ex = Assert.Throws<ArgumentException>(() => ParameterValues.Integer("99999999999", "--steps", "a whole number"));
        Assert.Contains("too large", ex.Message);
    }

    [Fact]
    public void Choices_ignore_case_and_suggest_the_closest_name()
    {
        Assert.Equal("linear", ParameterValues.Choice("LINEAR", "--mode", ["exp", "linear"]));
        var ex = Assert.Throws<ArgumentException>(() => ParameterValues.Choice("lienar", "--mode", ["exp", "linear"]));
        Assert.Contains("did you mean 'linear'", ex.Message);
        var far = Assert.Throws<ArgumentException>(() => ParameterValues.Choice("zzzzzz", "--mode", ["exp", "linear"]));
        Assert.DoesNotContain("did you mean", far.Message);
    }

    [Theory]
    [InlineData("MaxLr", "--max-lr")]
    [InlineData("max-lr", "--max-lr")]
    [InlineData("minLr", "--min-lr")]
    [InlineData("--steps", "--steps")]
    [InlineData("AccumulationSteps", "--accumulate")]
    [InlineData("PctStart", "--pct-start")]
    [InlineData("task", "--task")]
    public void Engine_option_names_become_directive_parameters(string engineName, string parameter) =>
        Assert.Equal(parameter, UserErrors.ParameterName(engineName));

    [Fact]
    public void Engine_errors_become_one_line_naming_the_parameter()
    {
        var message = UserErrors.Message("#!lrfind", new ArgumentException("MaxLr must be above MinLr (got 1 and 2).\nmore detail", "MaxLr"));
        Assert.Equal("#!lrfind --max-lr: MaxLr must be above MinLr (got 1 and 2).", message);
    }

    [Theory]
    [InlineData(null, "lrfind")]
    [InlineData("run_2", "run_2")]
    public void Result_names_default_or_pass_through(string? name, string expected) =>
        Assert.Equal(expected, UserErrors.ResultName(name, "lrfind"));

    [Theory]
    [InlineData("2runs")]
    [InlineData("my-run")]
    [InlineData("class")]
    [InlineData("a b")]
    public void Result_names_must_be_csharp_identifiers(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => UserErrors.ResultName(name, "lrfind"));
        Assert.Equal("--name", ex.ParamName);
    }

    [Fact]
    public void A_system_libtorch_is_named_in_the_backend_message()
    {
        var failure = new InvalidOperationException("This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64");
        var withSystem = Hosting.TorchBackend.Explain(failure, "/usr/lib/x86_64-linux-gnu/libtorch_cpu.so");
        var without = Hosting.TorchBackend.Explain(failure, null);

        Assert.Contains("/usr/lib/x86_64-linux-gnu/libtorch_cpu.so", withSystem);
        Assert.Contains("python3-torch", withSystem);
        Assert.Contains("#r \"nuget: TorchSharp-cpu, 0.107.0\"", without);
        Assert.DoesNotContain('\n', without);
    }
}
