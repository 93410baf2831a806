using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

/// <summary>
/// A quality coordinator in Nordjyllands Beredskab sees the plan on Overblik, updates an initiative's status with a
/// comment, enters a key-figure measurement the Danish way, opens the board report (also on a 360 px phone, where
/// the wide tables scroll inside their box, not the page) and finds the reporting deadlines in the årshjul; every
/// page on the way, charts included, is axe clean.
/// </summary>
public sealed class GoalsJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task Update_a_status_enter_a_measurement_and_open_the_board_report()
    {
        var login = await LoginPage.OpenAsync(Page);
        var overview = await login.LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.Shell.SwitchOrganisationAsync("Nordjyllands Beredskab");

        // Overblik: the plan's fulfilment and the initiative behind schedule.
        var panel = Page.GetByRole(AriaRole.Region, new() { Name = "Mål og handlingsplaner" });
        await Expect(panel).ToContainTextAsync("NOBR2025");
        await Expect(panel).ToContainTextAsync("% opfyldt");
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "29.4 Udbrede gevinstoverblik til alle mål uden nøgletal" })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/maal");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Handlingsplaner og resultatkontrakter" }).ClickAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "NOBR2025", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "NOBR2025", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Når HP-mål og initiativer igangsættes efter godkendt tidsplan.")).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        // A focus area with goals can be renamed or moved, not deleted: the page says what to do first.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ret eller slet fokusområdet Det forebyggende arbejde › Brandsyn" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Slet fokusområdet" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Flyt målene til et andet fokusområde");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Tilbage til NOBR2025" }).ClickAsync();

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

        // On a 360 px phone every report fits the screen; the wide tables scroll inside their own box.
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        var reportUrl = Page.Url.Split('?')[0];
        foreach (var audience in new[] { "Medarbejdere", "Ledere", "Bestyrelse", "Ejerkommuner" })
        {
            await Page.GotoAsync($"{reportUrl}?modtager={audience}");
            var width = await Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            Assert.True(width <= Phone.Width + 1, $"The report to {audience} is {width} px wide on a {Phone.Width} px screen: the page scrolls sideways.");
        }

        var statusTable = Page.Locator(".table-wrap", new() { Has = Page.GetByRole(AriaRole.Table, new() { Name = "Initiativer pr. fokusområde og statustrin" }) });
        Assert.True(await statusTable.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "The status table should be wider than the phone and scroll inside its box.");
        await ScreenshotAsync("goals-owner-report-phone");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        // The årshjul shows the plan's reporting deadlines next to its own obligations.
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await Page.GotoAsync("/beredskab/aarshjul/aar/2025?maaned=8");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Forpligtelser i august 2025" }))
            .ToContainTextAsync("Beredskabsdirektøren afrapporterer til Bestyrelsen (HP-mål 31, NOBR2025)");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
    }
}
