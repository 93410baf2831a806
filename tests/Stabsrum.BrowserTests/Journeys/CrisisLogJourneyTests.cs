using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

/// <summary>
/// A whole exercise on phones: the borgmester opens it, raises the level with a reason and logs; a colleague in
/// another browser sees the entries and the level arrive live, hands over a shift; the entry is corrected,
/// the incident closed and the log printed. axe checks the incident page.
/// </summary>
public sealed partial class CrisisLogJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string VallensbaekStaff = "stab@vallensbaek.demo";

    protected override ViewportSize Viewport => Phone;

    [Fact]
    public async Task Two_colleagues_run_an_exercise_and_see_each_others_entries_live()
    {
        // The borgmester (demo administrator, position Borgmester in Vallensbæk) opens an exercise.
        var overview = await (await LoginPage.OpenAsync(Page)).LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.Shell.SwitchOrganisationAsync("Vallensbæk Kommune");
        await Page.GotoAsync("/haendelser/ny");
        await Page.GetByLabel("Titel").FillAsync("Øvelse: storm i browseren");
        await Page.GetByLabel("Dette er en øvelse", new() { Exact = false }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opret" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(IncidentUrl());
        var incidentUrl = new Uri(Page.Url).AbsolutePath;
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("ØVELSE");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await AssertNoHorizontalOverflowAsync(Page);

        // A colleague opens the same incident in another browser and waits for the live connection.
        await using var otherContext = await Browser.NewContextAsync(Phone, isMobile: true);
        var colleague = await otherContext.NewPageAsync();
        await (await LoginPage.OpenAsync(colleague)).LogInAsync(VallensbaekStaff, DemoLogins.Password);
        await colleague.GotoAsync(incidentUrl);
        await Expect(colleague.Locator("#live-status")).ToContainTextAsync("Direkte", new() { Timeout = 5000 });

        // Raise the level with a reason; the colleague's page follows without reload.
        await Page.GetByLabel("Nyt niveau").SelectOptionAsync(new SelectOptionValue { Label = "Beredskabsniveau 1" });
        await Page.GetByLabel("Begrundelse", new() { Exact = true }).First.FillAsync("Stormen rammer kysten i nat");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Skift niveau" }).ClickAsync();
        await Expect(Page.Locator("#incident-level")).ToHaveTextAsync("Beredskabsniveau 1");
        await Expect(colleague.Locator("#incident-level")).ToHaveTextAsync("Beredskabsniveau 1", new() { Timeout = 3000 });

        // Log in two interactions: type, press Log (information by default).
        await Page.GetByLabel("Ny post").FillAsync("Havnefogeden melder højvande 1,4 m");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log", Exact = true }).ClickAsync();
        await Expect(colleague.Locator("#log-entries").GetByText("Havnefogeden melder højvande 1,4 m")).ToBeVisibleAsync(new() { Timeout = 3000 });

        // The colleague hands over the shift; the borgmester sees it live and acknowledges it.
        await colleague.GetByLabel("Ny post").FillAsync("Jeg går af vagt");
        await colleague.GetByLabel("Type", new() { Exact = true }).First.SelectOptionAsync(new SelectOptionValue { Label = "Vagtskifte" });
        await colleague.GetByText("Flere felter").ClickAsync();
        await colleague.GetByLabel("Hvad er åbent (vagtskifte)").FillAsync("Sandsække ved havnen");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Log", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#log-entries").GetByText("Jeg går af vagt")).ToBeVisibleAsync(new() { Timeout = 3000 });
        await Page.ReloadAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kvittér for vagtskiftet" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Vagtskiftet er kvitteret" })).ToBeVisibleAsync();

        // Correct the high-water entry: the original stays, marked as corrected.
        var original = Page.Locator("li.log-entry").Filter(new() { HasText = "Havnefogeden melder højvande 1,4 m" });
        await original.GetByRole(AriaRole.Link, new() { Name = "Ret denne post" }).ClickAsync();
        await Page.GetByLabel("Ny post").FillAsync("Rettelse: højvande 1,6 m");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log", Exact = true }).ClickAsync();
        await Expect(Page.Locator("li.log-entry.corrected").Filter(new() { HasText = "Havnefogeden melder højvande 1,4 m" })).ToBeVisibleAsync();
        await Expect(colleague.Locator("#log-entries").GetByText("Rettelse: højvande 1,6 m")).ToBeVisibleAsync(new() { Timeout = 3000 });

        // Close (the borgmester may), then print.
        await Page.GetByText("Afslut hændelsen", new() { Exact = true }).First.ClickAsync();
        await Page.GetByLabel("Begrundelse", new() { Exact = true }).Last.FillAsync("Øvelsen er slut");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afslut hændelsen" }).ClickAsync();
        await Expect(Page.Locator("#incident-status")).ToHaveTextAsync("Afsluttet");
        await Expect(colleague.Locator("#incident-status")).ToHaveTextAsync("Afsluttet", new() { Timeout = 3000 });
        await AssertNoHorizontalOverflowAsync(Page);

        await Page.GotoAsync(incidentUrl + "/udskriv");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Kriselog");
        await Expect(Page.GetByText("Hashkæde: intakt", new() { Exact = false })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/haendelser/[0-9a-f-]{36}$")]
    private static partial Regex IncidentUrl();
}
