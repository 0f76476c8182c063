using Microsoft.Playwright;

namespace LrNotebooks.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven by Playwright for .NET (its bundled driver; no browser download), with the
/// network cut off so a page only draws what it carries.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} not found: install Debian's chromium (.ci/setup does).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Opens a local HTML file offline and waits until it has loaded.</summary>
    public async Task<IPage> OpenOfflineAsync(string htmlPath)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Offline = true,
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
