using Microsoft.Playwright;

namespace Stabsrum.BrowserTests.Infrastructure;

/// <summary>One app and one Chromium for the whole browser collection; each test gets its own context (cookies, viewport).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public StabsrumServer App { get; } = new();

    public async Task InitializeAsync()
    {
        var chromium = ChromiumExecutable.Find();
        App.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 30_000,
        });
    }

    public async Task<IBrowserContext> NewContextAsync(ViewportSize viewport, bool isMobile = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "da-DK",
            TimezoneId = "Europe/Copenhagen",
            ViewportSize = viewport,
            IsMobile = isMobile,
            HasTouch = isMobile,
        });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
