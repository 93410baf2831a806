using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

public sealed class PhoneJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    protected override ViewportSize Viewport => Phone;

    [Fact]
    public async Task On_a_360_px_phone_the_navigation_and_switcher_are_reachable_without_sideways_scrolling()
    {
        var login = await LoginPage.OpenAsync(Page);
        await AssertNoHorizontalOverflowAsync();

        var overview = await login.LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await ScreenshotAsync("overview-phone");
        await AssertNoHorizontalOverflowAsync();
        var shell = overview.Shell;
        await Expect(shell.MainNav).ToBeVisibleAsync();
        foreach (var link in await shell.MainNav.GetByRole(AriaRole.Link).AllAsync())
        {
            await link.ScrollIntoViewIfNeededAsync();
            await Expect(link).ToBeInViewportAsync(new() { Ratio = 1 });
        }

        overview = await shell.SwitchOrganisationAsync("Ishøj Kommune");
        await overview.ExpectOrganisationAsync("Ishøj Kommune");

        foreach (var path in await shell.LinkedPagesAsync())
        {
            var response = await Page.GotoAsync(path);
            if (response?.Status != 404)
            {
                await AssertNoHorizontalOverflowAsync();
            }
        }
    }

    private async Task AssertNoHorizontalOverflowAsync()
    {
        var width = await Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(width <= Phone.Width + 1, $"{Page.Url} is {width} px wide on a {Phone.Width} px screen: the page scrolls sideways.");
    }
}
