using System.Net;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.Goals.GoalsApiTests;

namespace Stabsrum.Tests.Goals;

/// <summary>The Danish pages: status steps with their meanings, status updates with comments, measurements typed the Danish way.</summary>
public sealed class GoalsPageTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    /// <summary>Razor encodes æ, ø and å as entities; tests read the text a person sees.</summary>
    internal static async Task<string> PageAsync(HttpClient browser, string url) => WebUtility.HtmlDecode(await browser.GetStringAsync(url));

    [Fact]
    public async Task The_pages_show_the_plan_the_status_steps_and_the_facts_box()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var (plan, goal) = await CreatePlanWithGoalAsync(api);
        var initiative = await AddInitiativeAsync(api, goal, "Formulering ABC", "Q2 2022");
        var browser = await app.LoginAsync(planner, org);

        var planPage = await PageAsync(browser, $"/maal/planer/{plan}");
        var goalPage = await PageAsync(browser, $"/maal/maal/{goal}");
        var initiativePage = await PageAsync(browser, $"/maal/initiativer/{initiative}");

        Assert.Contains("Kvalitetssikring, opfølgning og implementering", planPage, StringComparison.Ordinal);
        Assert.Contains("Når HP-mål ikke nås i den opsatte RBD", planPage, StringComparison.Ordinal);
        Assert.Contains("Fakta om HP-mål 29", goalPage, StringComparison.Ordinal);
        Assert.Contains("1 tilknyttede initiativer", goalPage, StringComparison.Ordinal);
        Assert.Contains("29.1", goalPage, StringComparison.Ordinal);
        Assert.Contains("bagud", initiativePage, StringComparison.Ordinal);
        Assert.Contains("Igangsættes jf. tidsplan", initiativePage, StringComparison.Ordinal);
        Assert.Contains("/maal/planer", await PageAsync(browser, "/maal"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planner_updates_a_status_with_a_comment_and_enters_a_measurement_with_a_decimal_comma()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var (_, goal) = await CreatePlanWithGoalAsync(api, 4);
        var initiative = await AddInitiativeAsync(api, goal, "Kendskabskampagne", "Q4 2099");
        var figure = (await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/key-figures", Json("""{"name":"Henvisninger benyttet","unit":"Procent","direction":"HoejereErBedre","baselinePeriod":"2022","baselineValue":47,"targetPeriod":"2023","targetValue":50}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var browser = await app.LoginAsync(planner, org);

        var refused = await StabsrumFactory.PostFormAsync(browser, $"/maal/initiativer/{initiative}", new Dictionary<string, string> { ["Status"] = "UdskudtFravalgt", ["Comment"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Angiv en begrundelse", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await StabsrumFactory.PostFormAsync(browser, $"/maal/initiativer/{initiative}", new Dictionary<string, string> { ["Status"] = "Igangsat", ["Comment"] = "Kampagnen er i gang" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await PageAsync(browser, $"/maal/initiativer/{initiative}");
        Assert.Contains("Kampagnen er i gang", page, StringComparison.Ordinal);
        Assert.Contains("Status er gemt.", page, StringComparison.Ordinal);

        var wrongUnit = await StabsrumFactory.PostFormAsync(browser, $"/maal/noegletal/{figure}?handler=Measurement", new Dictionary<string, string> { ["Period"] = "2023", ["Value"] = "48 min" }, formPage: $"/maal/noegletal/{figure}");
        Assert.Contains("måles i procent", WebUtility.HtmlDecode(await wrongUnit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var measured = await StabsrumFactory.PostFormAsync(browser, $"/maal/noegletal/{figure}?handler=Measurement", new Dictionary<string, string> { ["Period"] = "2023", ["Value"] = "48,5" }, formPage: $"/maal/noegletal/{figure}");
        Assert.Equal(HttpStatusCode.Redirect, measured.StatusCode);
        var figurePage = await PageAsync(browser, $"/maal/noegletal/{figure}");
        Assert.Contains("48,5 %", figurePage, StringComparison.Ordinal);
        Assert.Contains("50 % af vejen mod målet", figurePage, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", figurePage, StringComparison.Ordinal);

        var reader = await app.LoginAsync(await app.CreateUserAsync(org, OrganisationRole.Laeser), org);
        var forbidden = await StabsrumFactory.PostFormAsync(reader, $"/maal/initiativer/{initiative}", new Dictionary<string, string> { ["Status"] = "Implementeret" });
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("/konto/ingen-adgang", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planner_edits_the_goals_approach_and_an_initiatives_schedule_and_deletes_an_initiative()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var (_, goal) = await CreatePlanWithGoalAsync(api);
        var first = await AddInitiativeAsync(api, goal, "Første", "Q2 2022");
        var second = await AddInitiativeAsync(api, goal, "Anden", "Q2 2022");
        var browser = await app.LoginAsync(planner, org);

        var edited = await StabsrumFactory.PostFormAsync(browser, $"/maal/maal/{goal}?handler=Edit", new Dictionary<string, string>
        {
            ["Edit.Number"] = "29",
            ["Edit.Title"] = "Implementere en metodik til at måle gevinster",
            ["Edit.Kind"] = "Lokalt",
            ["Edit.Approach"] = "Afprøves på tre mål og udbredes derefter",
        }, formPage: $"/maal/maal/{goal}");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Afprøves på tre mål og udbredes derefter", await PageAsync(browser, $"/maal/maal/{goal}"), StringComparison.Ordinal);

        var badQuarter = await StabsrumFactory.PostFormAsync(browser, $"/maal/initiativer/{first}?handler=Edit", new Dictionary<string, string> { ["Edit.Text"] = "Første", ["Edit.Quarter"] = "Q7 2024" }, formPage: $"/maal/initiativer/{first}");
        Assert.Contains("kan ikke læses", WebUtility.HtmlDecode(await badQuarter.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var rescheduled = await StabsrumFactory.PostFormAsync(browser, $"/maal/initiativer/{first}?handler=Edit", new Dictionary<string, string> { ["Edit.Text"] = "Første", ["Edit.Quarter"] = "Q1 2099" }, formPage: $"/maal/initiativer/{first}");
        Assert.Equal(HttpStatusCode.Redirect, rescheduled.StatusCode);
        Assert.False((await ReadAsync(await api.GetAsync($"/api/v1/initiatives/{first}"), HttpStatusCode.OK)).GetProperty("isBehind").GetBoolean());

        var deleted = await StabsrumFactory.PostFormAsync(browser, $"/maal/initiativer/{second}?handler=Delete", new Dictionary<string, string>(), formPage: $"/maal/initiativer/{second}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/initiatives/{second}")).StatusCode);
    }

    [Fact]
    public async Task The_csv_export_neutralises_formulas()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var (plan, goal) = await CreatePlanWithGoalAsync(api);
        await AddInitiativeAsync(api, goal, "=HYPERLINK(\\\"http://ond.example\\\")");
        var browser = await app.LoginAsync(planner, org);

        var response = await browser.GetAsync($"/maal/planer/{plan}?handler=Csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("29.1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
    }
}
