namespace LrNotebooks.Interactive.Tests;

/// <summary>Every user error: one clear line naming the parameter, nothing of the user's changed, the next cell runs.</summary>
public class MalformedCommandTests(UserKernelSession session) : IClassFixture<UserKernelSession>
{
    [Theory]
    [InlineData("#!lrfind --bogus 3", "--bogus")]
    [InlineData("#!lrfind --max_lr 3", "--max_lr", "did you mean '--max-lr'?")]
    [InlineData("#!lrfind --steps 10 --minlr 1e-6", "--minlr", "did you mean '--min-lr'?")]
    [InlineData("#!onecycle --max-lr 1e-3 --pct_start 0.25", "--pct_start", "did you mean '--pct-start'?")]
    [InlineData("var before = 1;\n#!onecycle --max-lr 1e-3 --trian", "--trian", "did you mean '--train'?")]
    [InlineData("#!lrfind -h", "-h")]
    [InlineData("#!lrfind --steps", "--steps", "needs a value")]
    [InlineData("#!lrfind --max-lr --steps 10", "--max-lr", "needs a value")]
    [InlineData("#!lrfind --min-lr abc", "--min-lr", "'abc'")]
    [InlineData("#!lrfind --steps 12.5", "--steps", "'12.5'")]
    [InlineData("#!lrfind --steps 99999999999", "--steps", "too large")]
    [InlineData("#!lrfind --steps 100000000", "--steps", "at most 100,000")]
    [InlineData("#!onecycle --steps 100000000", "--steps", "at most 10,000,000")]
    [InlineData("#!lrfind --min-lr -1e-3", "--min-lr")]
    [InlineData("#!lrfind --min-lr 1 --max-lr 1e-3", "-lr")]
    [InlineData("#!lrfind --steps 0", "--steps")]
    [InlineData("#!lrfind --steps 1", "--steps")]
    [InlineData("#!lrfind --smoothing 1.5", "--smoothing")]
    [InlineData("#!lrfind --mode cubic", "--mode", "exp or linear")]
    [InlineData("#!lrfind --suggest steepst", "--suggest", "did you mean 'steepest'")]
    [InlineData("#!lrfind --task nosuch", "--task")]
    [InlineData("#!lrfind --model nope --data train", "--model", "no C# variable named 'nope'")]
    [InlineData("#!lrfind --model nett --data train", "--model", "did you mean 'net'")]
    [InlineData("#!lrfind --model notAModel --data train", "--model", "holds a String")]
    [InlineData("#!lrfind --model net --data wrongData", "--data", "holds an Int32")]
    [InlineData("#!lrfind --model net", "--data")]
    [InlineData("#!lrfind --data train", "--data", "--model")]
    [InlineData("#!lrfind --model net --data train --task spirals", "--task")]
    [InlineData("#!lrfind --model net --data train --loss hinge", "--loss")]
    [InlineData("#!lrfind --model net --data train --loss notAModel", "--loss", "holds a String")]
    [InlineData("#!lrfind --model net --data train --optimizer adamx", "--optimizer")]
    [InlineData("#!lrfind --model net --data train --optimizer notAModel", "--optimizer", "holds a String")]
    [InlineData("#!lrfind --optimizer myOptimizer", "--optimizer", "--model")]
    [InlineData("#!lrfind --name 3x", "--name", "not a valid C# variable name")]
    [InlineData("#!lrfind --name class", "--name")]
    [InlineData("#!lrfind --model exploding --data train --steps 5", "running model 'exploding'", "boom from forward")]
    [InlineData("#!lrfind --model net --data wrongShape --steps 5", "running model 'net' on data 'wrongShape'")]
    [InlineData("#!onecycle --max-lr -1", "--max-lr")]
    [InlineData("#!onecycle --max-lr fast", "--max-lr", "or auto")]
    [InlineData("#!onecycle --pct-start 1.5", "--pct-start")]
    [InlineData("#!onecycle --steps 0", "--steps")]
    [InlineData("#!onecycle --epochs 3", "--epochs", "--steps-per-epoch")]
    [InlineData("#!onecycle --steps 10 --epochs 3 --steps-per-epoch 5", "--steps", "15")]
    [InlineData("#!onecycle --anneal cosine", "--anneal")]
    [InlineData("#!onecycle --preset keras", "--preset")]
    [InlineData("#!onecycle --preset fastai --three-phase", "--three-phase", "no equivalent in fastai's fit_one_cycle")]
    [InlineData("#!onecycle --preset fastai --anneal linear", "--anneal", "cosine only")]
    [InlineData("#!onecycle --preset fastai --anneal both", "--anneal", "cosine only")]
    [InlineData("#!onecycle --preset fastai --max-momentum 1.5", "--max-momentum", "1.5")]
    [InlineData("#!onecycle --preset fastai --base-momentum -0.1", "--base-momentum", "-0.1")]
    [InlineData("#!onecycle --preset fastai --final-div-factor 0", "--final-div-factor")]
    [InlineData("#!onecycle --max-lr 1e-3 --model net --data train", "--model", "--train")]
    [InlineData("#!onecycle --max-lr 1e-3 --compare-constant", "--compare-constant", "--train")]
    [InlineData("#!onecycle --max-lr 1e-3 --train --model exploding --data train --steps 5", "running model 'exploding'")]
    [InlineData("#!lrnotebooks --plotly svg", "--plotly")]
    public async Task Fails_with_one_clear_line_and_the_kernel_stays_usable(string code, string parameter, string? detail = null)
    {
        var result = await session.Submit(code);

        var message = KernelSession.Failure(result);
        Assert.NotNull(message);
        Assert.Contains(parameter, message);
        if (detail is not null) Assert.Contains(detail, message);
        Assert.DoesNotContain("   at ", message);
        Assert.DoesNotContain("Exception", message);
        Assert.True(message.Split('\n').Length <= 2, message); // the parser's own errors may add a second position line
        Assert.True(await session.Value<bool>("SameWeights(net, netBefore)"), "the user's model changed");
        Assert.Equal(2, await session.Value<int>("1 + 1"));
    }

    [Fact]
    public async Task An_unknown_parameter_without_a_close_name_lists_the_parameters()
    {
        var message = KernelSession.Failure(await session.Submit("#!lrfind --bogus 3"));
        Assert.StartsWith("#!lrfind: unknown parameter '--bogus'. Expected one of: ", message);
        foreach (string parameter in new[] { "--model", "--data", "--max-lr", "--suggest", "--name" })
            Assert.Contains(parameter, message);
        Assert.DoesNotContain("did you mean", message);
        Assert.DoesNotContain("DNI103", message);
    }

    [Fact]
    public async Task Auto_max_lr_without_an_earlier_lrfind_says_so()
    {
        using var fresh = new KernelSession();
        await fresh.InitializeAsync();
        var message = KernelSession.Failure(await fresh.Submit("#!onecycle --max-lr auto"));
        Assert.Equal("#!onecycle --max-lr: auto takes the last #!lrfind's suggestion, but no #!lrfind has run in this session: run #!lrfind first, or give a number such as 1e-3.", message);
    }
}
