using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

/// <summary>
/// The crisis staff's meeting in Vallensbæk's running exercise: an item is proposed, accepted and the agenda published;
/// in the meeting the decision is recorded with two "hvem gør hvad" lines; the minutes are approved by both named
/// approvers; the tasks exist and the decision is in the exercise's crisis log. Every page is axe clean.
/// </summary>
public sealed class MeetingsJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    private const string Decision = "Der lægges sandsække ud langs Strandvejen.";

    [Fact]
    public async Task Propose_publish_decide_with_two_follow_ups_and_approve_the_minutes_as_two_approvers()
    {
        var login = await LoginPage.OpenAsync(Page);
        var overview = await login.LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.Shell.SwitchOrganisationAsync("Vallensbæk Kommune");

        await Page.GotoAsync("/moeder");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Møder og referater" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Møder og referater", Level = 1 })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GetByLabel("Organ", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Krisestyringsstab – Øvelse: klar til start" });
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Stabsmøde 2");
        await Page.GetByLabel("Start (dansk tid)").FillAsync(DateTime.Today.AddHours(14).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel("Mødested").FillAsync("Rådhuset, kriserummet");
        await Page.GetByLabel("Hændelse (beslutninger skrives i dens kriselog)").SelectOptionAsync(new SelectOptionValue { Label = "Øvelse: klar til start" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opret møde" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Krisestyringsstab – Øvelse: klar til start: Stabsmøde 2", Level = 1 })).ToBeVisibleAsync();
        var meetingUrl = Page.Url;

        // A decision item without indstilling is refused next to the field; with it, it is proposed.
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Sandsække til Strandvejen");
        await Page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("Beslutning");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Foreslå punkt" }).ClickAsync();
        await Expect(Page.GetByText("Et beslutningspunkt skal have en indstilling.")).ToBeVisibleAsync();
        await Page.GetByLabel("Indstilling").FillAsync("Tovholderen indstiller, at der lægges sandsække ud.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Foreslå punkt" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Punktet er foreslået");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Optag Sandsække til Strandvejen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Udsend dagsorden" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dagsordenen er udsendt.");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Punkt 1: Sandsække til Strandvejen" })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        // The meeting: the decision with two follow-up lines.
        await Page.GetByLabel("Beslutning", new() { Exact = true }).FillAsync(Decision);
        await Page.GetByLabel("Opgave 1").FillAsync("Bestil sandsække");
        await Page.GetByLabel("Ansvarlig 1").FillAsync("Teknik og Miljø");
        await Page.GetByLabel("Opgave 2").FillAsync("Varsl beboerne");
        await Page.GetByLabel("Ansvarlig 2").FillAsync("Kommunikation");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Før beslutning" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Beslutningen er ført.");
        var followUps = Page.GetByRole(AriaRole.Table, new() { Name = "Hvem gør hvad" });
        await Expect(followUps).ToContainTextAsync("Bestil sandsække");
        await Expect(followUps).ToContainTextAsync("Varsl beboerne");
        await Expect(followUps.GetByText("Oprettet")).ToHaveCountAsync(2);
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        // The minutes: the first approver (the crisis staff chief).
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send referat til godkendelse" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Godkend referatet" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Du har godkendt referatet.");
        await Expect(Page.GetByText("Til godkendelse")).ToBeVisibleAsync();

        // The decision is in the exercise's log.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Beslutninger skrives i hændelsens kriselog" }).ClickAsync();
        await Expect(Page.GetByText("Sandsække til Strandvejen: " + Decision).First).ToBeVisibleAsync();

        // The second approver (the kommunaldirektør, demo login stab@vallensbaek.demo).
        var second = await new Shell(Page).LogOutAsync();
        await second.LogInAsync("stab@vallensbaek.demo", DemoLogins.Password);
        await Page.GotoAsync(meetingUrl);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Godkend referatet" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Du har godkendt referatet.");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Version 1: Godkendt");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Godkendere" }).GetByText("Godkendt")).ToHaveCountAsync(2);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Udsend referatet" })).ToBeVisibleAsync();
        await ScreenshotAsync("meeting-minutes-approved");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
    }
}
