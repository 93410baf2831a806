using Microsoft.Playwright;

namespace Stabsrum.BrowserTests.Infrastructure;

/// <summary>Base for journey tests: a fresh browser context and page per test, closed afterwards.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserJourney(BrowserFixture browser) : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    private IBrowserContext? _context;

    protected BrowserFixture Browser { get; } = browser;

    protected IPage Page { get; private set; } = null!;

    protected virtual ViewportSize Viewport => Desktop;

    public async Task InitializeAsync()
    {
        _context = await Browser.NewContextAsync(Viewport, isMobile: Viewport.Width < 600);
        Page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    /// <summary>
    /// Asserts that the page is no wider than a phone screen; on failure names the outermost elements that stick out.
    /// </summary>
    protected static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        if (width > Phone.Width + 1)
        {
            var culprits = await page.EvaluateAsync<string>(
                "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && e.parentElement.getBoundingClientRect().right <= w + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')",
                Phone.Width);
            Assert.Fail($"{page.Url} is {width} px wide on a {Phone.Width} px screen: {culprits}");
        }
    }

    /// <summary>Saves a screenshot when <c>STABSRUM_SCREENSHOTS</c> names a folder; does nothing otherwise.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("STABSRUM_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
