using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

public sealed class WarningsJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_posted_CAP_alert_is_relevant_on_the_list_and_overview_and_is_dismissed_with_a_reason()
    {
        var login = await LoginPage.OpenAsync(Page);
        var overview = await login.LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.Shell.SwitchOrganisationAsync("Vallensbæk Kommune");

        // An API token made the way a user makes one, then the alert posted as a warning system would.
        await Page.GotoAsync("/konto/adgangsnoegler");
        await Page.GetByLabel("Navn").FillAsync("Varslingssystem");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opret adgangsnøgle" }).ClickAsync();
        var token = (await Page.Locator("#new-token").InnerTextAsync()).Trim();
        var headline = $"Stormflod ved Køge Bugt {Guid.NewGuid():N}"[..32];
        await new CapWarning(headline, "Stormflod", "Expected", "Extreme", "4; red; Extreme", "7; coastalevent", "Køge Bugt", "DK004", TimeSpan.FromHours(12))
            .PostAsync(Browser.App.BaseAddress, token);

        await Page.GotoAsync("/haendelser/varsler");
        var pending = Page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Afventer behandling") });
        var card = pending.GetByRole(AriaRole.Article).Filter(new() { HasText = headline });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Rød – tag affære");
        await Expect(card).ToContainTextAsync("Kyst – stormflod og høj vandstand");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/");
        var panel = Page.GetByRole(AriaRole.Region, new() { Name = "Nye varsler" });
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = headline })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/haendelser/varsler");
        card = Page.GetByRole(AriaRole.Article).Filter(new() { HasText = headline });
        await card.GetByRole(AriaRole.Button, new() { Name = "Afvis varsel" }).ClickAsync();
        await Expect(card.Locator(".field-error")).ToContainTextAsync("Begrundelse skal udfyldes.");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        card = Page.GetByRole(AriaRole.Article).Filter(new() { HasText = headline });
        await card.GetByLabel("Begrundelse for at afvise").FillAsync("Kommunen ligger ikke ud til Køge Bugt.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Afvis varsel" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Varslet er afvist.");
        await Expect(Page.GetByRole(AriaRole.Article).Filter(new() { HasText = headline })).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Link, new() { Name = headline }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(headline);
        await Expect(Page.GetByText("Kommunen ligger ikke ud til Køge Bugt.")).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await ScreenshotAsync("warning-dismissed");

        foreach (var path in new[] { "/haendelser/varsler?alle=true", "/haendelser/varsler/nyt", "/haendelser/varsler/cap", "/haendelser/varsler/omraader", "/haendelser/varsler/feeds" })
        {
            var response = await Page.GotoAsync(path);
            Assert.True(response!.Ok, path);
            await AxeScan.AssertNoSeriousViolationsAsync(Page);
        }
    }
}
