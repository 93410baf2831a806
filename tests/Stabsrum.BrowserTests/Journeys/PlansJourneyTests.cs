using System.Globalization;
using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using Stabsrum.Features.Plans;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

public sealed class PlansJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task A_planner_registers_a_plan_sees_its_revision_due_date_and_opens_the_annual_wheel()
    {
        var login = await LoginPage.OpenAsync(Page);
        var overview = await login.LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        overview = await overview.Shell.SwitchOrganisationAsync("Vallensbæk Kommune");
        await overview.ExpectOrganisationAsync("Vallensbæk Kommune");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Planer og øvelser" })).ToBeVisibleAsync();

        await Page.GotoAsync("/beredskab");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Planregister", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Planregister", Level = 1 })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Registrér plan" }).ClickAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        var approved = DateOnly.FromDateTime(DateTime.Today).AddDays(-20);
        await Page.GetByLabel("Titel").FillAsync("Delberedskabsplan – Center for Kultur og Fritid");
        await Page.GetByLabel("Plantype").SelectOptionAsync(new SelectOptionValue { Value = "Delberedskabsplan" });
        await Page.GetByLabel("Ejer (center/afdeling)").FillAsync("Center for Kultur og Fritid");
        await Page.GetByLabel("Godkendt af").FillAsync("Direktionen");
        await Page.GetByLabel("Godkendt dato").FillAsync(approved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gem plan" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Delberedskabsplan – Center for Kultur og Fritid", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("er registreret");
        var revisionDue = ElectionPeriod.Containing(approved).Next.End;
        await Expect(Page.Locator("dd").First).ToContainTextAsync(LocalDate.Format(revisionDue));
        await ScreenshotAsync("plan-details");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/beredskab/aarshjul");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Revision: Delberedskabsplan – Center for Kultur og Fritid" })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        var exerciseDue = approved.AddYears(2);
        await Page.GotoAsync($"/beredskab/aarshjul/aar/{exerciseDue.Year}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Årshjul {exerciseDue.Year}", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Øvelse: Delberedskabsplan – Center for Kultur og Fritid" })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);

        foreach (var path in new[] { "/beredskab/actionkort", "/beredskab/skabeloner", "/beredskab/aarshjul/kalender" })
        {
            await Page.GotoAsync(path);
            await AxeScan.AssertNoSeriousViolationsAsync(Page);
        }
    }
}
