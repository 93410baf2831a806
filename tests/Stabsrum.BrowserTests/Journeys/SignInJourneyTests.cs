using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

public sealed class SignInJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task Administrator_logs_in_switches_organisation_and_logs_out()
    {
        var login = await LoginPage.OpenAsync(Page);

        var overview = await login.LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.ExpectOrganisationAsync("Beredskab 4K");
        await ScreenshotAsync("overview-desktop");

        overview = await overview.Shell.SwitchOrganisationAsync("Greve Kommune");
        await overview.ExpectOrganisationAsync("Greve Kommune");

        login = await overview.Shell.LogOutAsync();
        await Page.GotoAsync("/");
        await login.ExpectShownAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_the_Danish_error_and_stays_on_the_login_page()
    {
        var login = await LoginPage.OpenAsync(Page);

        await login.SubmitAsync(DemoLogins.IshoejStaff, "ikke-den-rigtige-adgangskode");

        await Expect(login.Error).ToBeVisibleAsync();
        await login.ExpectShownAsync();
        await Expect(login.Email).ToHaveValueAsync(DemoLogins.IshoejStaff);
        await Expect(new Shell(Page).MainNav).ToHaveCountAsync(0);
    }
}
