using System.Net;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;
using Stabsrum.Tests.Pdf;
using static Stabsrum.Tests.Goals.GoalsApiTests;

namespace Stabsrum.Tests.Goals;

/// <summary>Reports per audience as web page and PDF, with charts that have a table alternative and the changes since last time.</summary>
public sealed class GoalReportTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task The_board_report_PDF_contains_the_goals_the_facts_and_the_key_figures()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var (plan, goal) = await CreatePlanWithGoalAsync(api);
        var initiative = await AddInitiativeAsync(api, goal, "Beskrive metoden", "Q2 2022");
        await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{initiative}/status", Json("""{"status":"Implementeret","comment":"Godkendt i ledergruppen"}""")), HttpStatusCode.OK);
        var figure = (await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/key-figures", Json("""{"name":"Mål med gevinstoverblik","unit":"Procent","direction":"HoejereErBedre","baselinePeriod":"2022","baselineValue":10,"targetPeriod":"2025","targetValue":80}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ReadAsync(await api.PostAsync($"/api/v1/key-figures/{figure}/measurements", Json("""{"period":"2024","value":45}""")), HttpStatusCode.OK);
        var browser = await app.LoginAsync(planner, org);

        var response = await browser.GetAsync($"/maal/planer/{plan}/rapport?modtager=Bestyrelse&format=pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("Statusrapport NOBR2025 til bestyrelse", text, StringComparison.Ordinal);
        Assert.Contains("HP-mål 29: Implementere en metodik", text, StringComparison.Ordinal);
        Assert.Contains("Fakta om HP-mål 29", text, StringComparison.Ordinal);
        Assert.Contains("1 tilknyttede initiativer", text, StringComparison.Ordinal);
        Assert.Contains("Mål med gevinstoverblik", text, StringComparison.Ordinal);
        Assert.Contains("45 %", text, StringComparison.Ordinal);
        Assert.Contains("Igangsættes jf. tidsplan → Implementeret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_audience_gets_a_page_with_charts_that_have_tables_and_the_changes_since_the_last_issue()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var (plan, goal) = await CreatePlanWithGoalAsync(api);
        var first = await AddInitiativeAsync(api, goal, "Første initiativ", "Q2 2022");
        await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{first}/status", Json("""{"status":"Igangsat","comment":"Før rapporten"}""")), HttpStatusCode.OK);
        var browser = await app.LoginAsync(planner, org);

        foreach (var audience in new[] { "Medarbejdere", "Ledere", "Bestyrelse", "Ejerkommuner" })
        {
            var page = await GoalsPageTests.PageAsync(browser, $"/maal/planer/{plan}/rapport?modtager={audience}");
            Assert.Contains($"til {audience.ToLowerInvariant()}", page, StringComparison.Ordinal);
            Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
            Assert.Contains("<caption>Initiativer pr. fokusområde og statustrin</caption>", page, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/maal/planer/{plan}/rapport?modtager=Pressen")).StatusCode);

        var issued = await StabsrumFactory.PostFormAsync(browser, $"/maal/planer/{plan}?handler=Issue", new Dictionary<string, string> { ["audience"] = "Bestyrelse" }, formPage: $"/maal/planer/{plan}");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{first}/status", Json("""{"status":"Implementeret","comment":"Efter rapporten"}""")), HttpStatusCode.OK);

        var board = await GoalsPageTests.PageAsync(browser, $"/maal/planer/{plan}/rapport?modtager=Bestyrelse");
        var staff = await GoalsPageTests.PageAsync(browser, $"/maal/planer/{plan}/rapport?modtager=Medarbejdere");
        Assert.Contains("Siden rapporten til bestyrelse", board, StringComparison.Ordinal);
        Assert.Contains("Efter rapporten", board, StringComparison.Ordinal);
        Assert.DoesNotContain("Før rapporten", board, StringComparison.Ordinal);
        Assert.Contains("Før rapporten", staff, StringComparison.Ordinal);
        Assert.Contains("Første initiativ", staff, StringComparison.Ordinal);
    }
}
