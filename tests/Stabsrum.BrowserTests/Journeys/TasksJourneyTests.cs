using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stabsrum.BrowserTests.Infrastructure;
using Stabsrum.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Stabsrum.BrowserTests.Journeys;

/// <summary>
/// On a phone, in the demo exercise: the borgmester creates a task, starts it and completes it, takes an action card
/// into use, and looks at the requests page and "mine opgaver". axe checks every page; nothing is wider than the screen.
/// </summary>
public sealed partial class TasksJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    protected override ViewportSize Viewport => Phone;

    [Fact]
    public async Task A_task_is_created_started_and_completed_and_an_action_card_is_taken_into_use()
    {
        var overview = await (await LoginPage.OpenAsync(Page)).LogInAsync(DemoLogins.Administrator, DemoLogins.Password);
        await overview.Shell.SwitchOrganisationAsync("Vallensbæk Kommune");
        await Page.GotoAsync("/haendelser/liste");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Øvelse: klar til start" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hændelsens menu" }).GetByRole(AriaRole.Link, new() { Name = "Opgaver" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(TasksUrl());
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await AssertNoHorizontalOverflowAsync(Page);

        await Page.GetByLabel("Opgave", new() { Exact = true }).FillAsync("Skaf sandsække til Strandvejen");
        await Page.GetByLabel("Ansvarlig (person eller enhed)").FillAsync("Materielgården");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opret", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "er oprettet" })).ToBeVisibleAsync();
        var row = Page.Locator("tr.task-row").Filter(new() { HasText = "Skaf sandsække til Strandvejen" });
        await Expect(row).ToContainTextAsync("Ikke startet");

        await Page.GetByLabel("Ny status for Skaf sandsække til Strandvejen").SelectOptionAsync(new SelectOptionValue { Label = "I gang" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gem status for Skaf sandsække til Strandvejen" }).ClickAsync();
        await Expect(row).ToContainTextAsync("I gang");
        await Page.GetByLabel("Ny status for Skaf sandsække til Strandvejen").SelectOptionAsync(new SelectOptionValue { Label = "Udført" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Gem status for Skaf sandsække til Strandvejen" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Udført");

        var card = Page.GetByLabel("Tag et udgivet actionkort i brug");
        var cardName = (await card.Locator("option").First.TextContentAsync())!.Trim();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tag i brug" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "er taget i brug" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".card-progress").First).ToContainTextAsync(CardTitle().Match(cardName).Groups[1].Value);
        await Expect(Page.Locator("tr.task-row").Filter(new() { HasText = "Trin i actionkort" }).First).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await AssertNoHorizontalOverflowAsync(Page);

        // Live: an order given in another tab appears in this tab's list without a reload (the order is a log entry).
        var tasksUrl = Page.Url;
        var other = await Page.Context.NewPageAsync();
        await other.GotoAsync(tasksUrl);
        await other.GetByLabel("Opgave", new() { Exact = true }).FillAsync("Luk Strandvejen ved havnen");
        await other.Locator("#Form_Recipient").FillAsync("Vej og Park");
        await other.GetByRole(AriaRole.Button, new() { Name = "Opret", Exact = true }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status).Filter(new() { HasText = "Ordren til Vej og Park" })).ToBeVisibleAsync();
        await other.CloseAsync();
        await Expect(Page.Locator("#opgaveliste tr.task-row").Filter(new() { HasText = "Luk Strandvejen ved havnen" })).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hændelsens menu" }).GetByRole(AriaRole.Link, new() { Name = "Anmodninger" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Ressourceoverblik" })).ToBeVisibleAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await AssertNoHorizontalOverflowAsync(Page);

        await Page.GotoAsync("/haendelser/mine-opgaver");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mine opgaver");
        await AxeScan.AssertNoSeriousViolationsAsync(Page);
        await AssertNoHorizontalOverflowAsync(Page);
    }

    [GeneratedRegex(@"/haendelser/[0-9a-f-]{36}/opgaver$")]
    private static partial Regex TasksUrl();

    [GeneratedRegex(@"^(.*) \(version \d+\)$")]
    private static partial Regex CardTitle();
}
