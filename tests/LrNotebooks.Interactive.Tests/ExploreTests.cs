namespace LrNotebooks.Interactive.Tests;

public class ExploreTests : IClassFixture<KernelSession>
{
    private readonly KernelSession _s;
    public ExploreTests(KernelSession s) => _s = s;

    [Theory]
    [InlineData("#!lrfind --help")]
    [InlineData("#!lrfind --bogus 3")]
    [InlineData("#!lrfind --max_lr 3")]
    [InlineData("#!lrfind --steps")]
    [InlineData("#!lrfind --steps abc")]
    [InlineData("#!lrfind --steps 1e3")]
    [InlineData("#!lrfind --name 3x")]
    [InlineData("#!lrfind --mode [1,2]")]
    [InlineData("#!lrfind --steps 10 --steps 20")]
    [InlineData("#!lrfind -h")]
    [InlineData("#!onecycle --max-lr 1e-3 --model m")]
    public async Task Show(string code)
    {
        var r = await _s.Submit(code);
        Console.WriteLine($"{code} => {KernelSession.Failure(r)} | {string.Join(" // ", KernelSession.Outputs(r, "text/plain")).Split('\n')[0]}");
    }
}
