using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

public sealed class KeyboardJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task The_first_Tab_on_the_login_page_shows_the_skip_link_which_moves_focus_to_the_content()
    {
        var login = await LoginPage.OpenAsync(Page);

        await Page.Keyboard.PressAsync("Tab");

        await Expect(login.SkipLink).ToBeFocusedAsync();
        await Expect(login.SkipLink).ToBeInViewportAsync(new() { Ratio = 1 });

        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }
}
