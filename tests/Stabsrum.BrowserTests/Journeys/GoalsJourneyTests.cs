using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

/// <summary>
/// A quality coordinator in Nordjyllands Beredskab updates an initiative's status with a comment, enters a key-figure
/// measurement the Danish way and opens the board report; every page on the way, charts included, is axe clean.
/// </summary>
public sealed class GoalsJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task Update_a_status_enter_a_measurement_and_open_the_board_report()
    {
        var login = await LoginPage.OpenAsync(Page);
        var overview = await login.LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.Shell.SwitchOrganisationAsync("Nordjyllands Beredskab");

        await Page.GotoAsync("/maal");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Handlingsplaner og resultatkontrakter" }).ClickAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "NOBR2025", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "NOBR2025", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Når HP-mål og initiativer igangsættes efter godkendt tidsplan.")).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        // HP-mål 29 and its initiative 29.4, which is behind its Q1 2024 schedule.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Implementere en metodik til at måle gevinster ved ”bløde mål”." }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Complementary, new() { Name = "Fakta om HP-mål 29" })).ToContainTextAsync("4 tilknyttede initiativer");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Udbrede gevinstoverblik til alle mål uden nøgletal" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Initiativ 29.4", Level = 1 })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        // Postponing without a reason is refused; with a comment the change is saved and shown in the history.
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Udskudt / fravalgt" }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gem status" }).ClickAsync();
        await Expect(Page.GetByText("Angiv en begrundelse")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Implementeret", Exact = true }).CheckAsync();
        await Page.GetByLabel("Kommentar / begrundelse").FillAsync("Alle mål uden nøgletal har nu gevinstoverblik");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gem status" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Status er gemt.");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Statusændringer for initiativ 29.4" }))
            .ToContainTextAsync("Alle mål uden nøgletal har nu gevinstoverblik");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        // A measurement of HP-mål 30's response time, typed with a decimal comma.
        await Page.GotoAsync("/maal/planer");
        await Page.GetByRole(AriaRole.Link, new() { Name = "NOBR2025", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Opnå fælles målopfyldelse gennem tværfaglige nøgletal der forpligter i hverdagen." }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Gennemsnitlig responstid til A-kørsler" }).ClickAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Periode", new() { Exact = true }).FillAsync("2026");
        await Page.GetByLabel("Værdi (min.)").FillAsync("9,8");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gem måling" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Målingen er gemt.");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Målinger af »Gennemsnitlig responstid til A-kørsler«" })).ToContainTextAsync("9,8 min.");
        await Expect(Page.GetByText("Målet er nået")).ToBeVisibleAsync();

        // The board report: charts with tables, the change just made, axe clean.
        await Page.GotoAsync("/maal/planer");
        await Page.GetByRole(AriaRole.Link, new() { Name = "NOBR2025", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Bestyrelse", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Statusrapport NOBR2025 til bestyrelse", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Initiativer pr. statustrin og fokusområde" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Initiativer pr. fokusområde og statustrin" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Alle mål uden nøgletal har nu gevinstoverblik")).ToBeVisibleAsync();
        await ScreenshotAsync("goals-board-report");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
    }
}
