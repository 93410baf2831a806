using System.Net;
using System.Net.Http.Json;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;
using Stabsrum.Tests.Pdf;
using static Stabsrum.Tests.Goals.GoalsApiTests;

namespace Stabsrum.Tests.Goals;

/// <summary>Fulfilment rules, benefit overviews, reporting lines and cost keys through the API and pages.</summary>
public sealed class GoalDetailsAndCostKeyTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private async Task<(TestOrganisation Org, TestUser User, HttpClient Api)> PlannerAsync()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        return (org, planner, await app.CreateApiClientAsync(planner, org));
    }

    [Fact]
    public async Task Each_fulfilment_rule_is_set_validated_and_shown_per_goal_and_plan()
    {
        var (_, _, api) = await PlannerAsync();
        var (plan, goal) = await CreatePlanWithGoalAsync(api, 8);
        var a = await AddInitiativeAsync(api, goal, "Udmønte nye midler");
        await AddInitiativeAsync(api, goal, "AddSmart og CO2Vision");
        await AddInitiativeAsync(api, goal, "Ny regional strategi");

        var noReason = await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}/fulfilment", Json("""{"rule":"Manuel","manualPercent":80}""")), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("justification", out _));
        var noFigure = await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}/fulfilment", Json("""{"rule":"Noegletal"}""")), HttpStatusCode.BadRequest);
        Assert.True(noFigure.GetProperty("errors").TryGetProperty("keyFigureId", out _));

        await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}/fulfilment", Json("""{"rule":"Aktiviteter"}""")), HttpStatusCode.OK);
        await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{a}/status", Json("""{"status":"Implementeret"}""")), HttpStatusCode.OK);
        var third = await ReadAsync(await api.GetAsync($"/api/v1/goals/{goal}"), HttpStatusCode.OK);
        Assert.Equal(33, third.GetProperty("fulfilment").GetProperty("percent").GetInt32());
        Assert.Equal("1 af 3 initiativer er gennemført.", third.GetProperty("fulfilment").GetProperty("explanation").GetString());

        var figure = (await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/key-figures", Json("""{"name":"Andel","unit":"Procent","direction":"HoejereErBedre","baselinePeriod":"2022","baselineValue":47,"targetPeriod":"2023","targetValue":50}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ReadAsync(await api.PostAsync($"/api/v1/key-figures/{figure}/measurements", Json("""{"period":"2023","value":50}""")), HttpStatusCode.OK);
        var byFigure = await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}/fulfilment", Json($$"""{"rule":"Noegletal","keyFigureId":"{{figure}}"}""")), HttpStatusCode.OK);
        Assert.Equal(100, byFigure.GetProperty("fulfilment").GetProperty("percent").GetInt32());

        var manual = await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}/fulfilment", Json("""{"rule":"Manuel","manualPercent":60,"justification":"To af tre indsatser er tilfredsstillende gennemført."}""")), HttpStatusCode.OK);
        Assert.Equal(60, manual.GetProperty("fulfilment").GetProperty("percent").GetInt32());
        var planView = await ReadAsync(await api.GetAsync($"/api/v1/goal-plans/{plan}"), HttpStatusCode.OK);
        Assert.Equal(60, planView.GetProperty("fulfilmentPercent").GetInt32());
    }

    [Fact]
    public async Task A_benefit_overview_keeps_assessments_over_time_and_reporting_lines()
    {
        var (_, _, api) = await PlannerAsync();
        var (_, goal) = await CreatePlanWithGoalAsync(api);

        await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}/benefits", Json("""{"expectedBenefits":"Bløde mål kan vurderes","indirectIndicators":"Andel mål med gevinstoverblik"}""")), HttpStatusCode.OK);
        await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/benefit-assessments", Json("""{"period":"2024","score":3,"evidence":"9 mål har overblik"}""")), HttpStatusCode.Created);
        await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/benefit-assessments", Json("""{"period":"2023","score":2,"evidence":"Afprøvet på 3 mål"}""")), HttpStatusCode.Created);
        var badScore = await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/benefit-assessments", Json("""{"period":"2025","score":9,"evidence":"x"}""")), HttpStatusCode.BadRequest);
        var line = await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/reporting-lines", Json("""{"reporter":"Erhvervshus Nordjylland","recipient":"KKR Nordjylland","frequency":"Aarlig"}""")), HttpStatusCode.Created);

        Assert.True(badScore.GetProperty("errors").TryGetProperty("score", out _));
        var overview = await ReadAsync(await api.GetAsync($"/api/v1/goals/{goal}/benefit-overview"), HttpStatusCode.OK);
        Assert.Equal(["2023", "2024"], overview.GetProperty("assessments").EnumerateArray().Select(a => a.GetProperty("period").GetString()));
        Assert.Equal("Nogen gevinst", overview.GetProperty("assessments")[1].GetProperty("scaleLabel").GetString());
        Assert.Equal("KKR Nordjylland", overview.GetProperty("reportingLines")[0].GetProperty("recipient").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/reporting-lines/{line.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_cost_key_from_the_member_municipalities_splits_the_base_grant_exactly()
    {
        var (org, planner, api) = await PlannerAsync();
        await app.WithDbAsync(org.Id, async (db, _) =>
        {
            foreach (var (name, population) in Stabsrum.Features.Goals.GoalsDemoData.Owners)
            {
                db.MemberMunicipalities.Add(new Stabsrum.Features.Organisations.MemberMunicipality { Name = name, Population = population, SharePercent = 0 });
            }

            await db.SaveChangesAsync();
        });

        var key = await ReadAsync(await api.PostAsync("/api/v1/cost-keys", Json("""{"name":"Basisbevilling 2023","method":"Indbyggertal","populationDate":"2022-01-01"}""")), HttpStatusCode.Created);
        var id = key.GetProperty("id").GetGuid();
        var split = await ReadAsync(await api.GetAsync($"/api/v1/cost-keys/{id}/split?amount=17645000&unit=TusindKroner"), HttpStatusCode.OK);

        var parts = split.GetProperty("parts").EnumerateArray().ToDictionary(p => p.GetProperty("municipality").GetString()!, p => p.GetProperty("units").GetInt64());
        Assert.Equal(CostSplitTests.ContractTable.ToDictionary(t => t.Name, t => t.Amount), parts);
        Assert.Equal(17_645, split.GetProperty("totalUnits").GetInt64());

        var zero = await ReadAsync(await api.PostAsync("/api/v1/cost-keys", JsonContent.Create(new { name = "Nul", method = "FasteAndele", shares = new[] { new { municipality = "A", weight = 0 }, new { municipality = "B", weight = 0 } } })), HttpStatusCode.BadRequest);
        Assert.Contains("nul", zero.GetProperty("errors").GetProperty("shares")[0].GetString(), StringComparison.Ordinal);
        var negative = await ReadAsync(await api.PostAsync("/api/v1/cost-keys", JsonContent.Create(new { name = "Negativ", method = "FasteAndele", shares = new[] { new { municipality = "A", weight = 10 }, new { municipality = "B", weight = -1 } } })), HttpStatusCode.BadRequest);
        Assert.Contains("negativ", negative.GetProperty("errors").GetProperty("shares")[0].GetString(), StringComparison.Ordinal);
        var noDate = await api.PostAsync("/api/v1/cost-keys", Json("""{"name":"Uden dato","method":"Indbyggertal"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);

        var browser = await app.LoginAsync(planner, org);
        var page = await GoalsPageTests.PageAsync(browser, $"/maal/fordelingsnoegler/{id}?beloeb=17.645.000&enhed=TusindKroner");
        Assert.Contains("1.904", page, StringComparison.Ordinal);
        Assert.Contains("17.645", page, StringComparison.Ordinal);
        var csv = await browser.GetStringAsync($"/maal/fordelingsnoegler/{id}?handler=Csv&beloeb=17645000&enhed=TusindKroner");
        Assert.Contains("Hjørring;63943;", csv, StringComparison.Ordinal);
        Assert.Contains(";1904", csv, StringComparison.Ordinal);
        var pdf = await browser.GetAsync($"/maal/fordelingsnoegler/{id}/udskriv?beloeb=17645000&enhed=TusindKroner&format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Basisbevilling 2023", text, StringComparison.Ordinal);
        Assert.Contains("6.592", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_our_cost_keys_and_goal_details()
    {
        var (_, _, api) = await PlannerAsync();
        var (_, goal) = await CreatePlanWithGoalAsync(api);
        var line = (await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/reporting-lines", Json("""{"reporter":"A","recipient":"B","frequency":"Aarlig"}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var key = (await ReadAsync(await api.PostAsync("/api/v1/cost-keys", JsonContent.Create(new { name = "Hemmelig nøgle", method = "Ligelig", shares = new[] { new { municipality = "A", weight = 1 } } })), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var (_, _, other) = await PlannerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cost-keys/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cost-keys/{key}/split?amount=100")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/cost-keys/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/goals/{goal}/benefit-overview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync($"/api/v1/goals/{goal}/fulfilment", Json("""{"rule":"Ingen"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/reporting-lines/{line}")).StatusCode);
        Assert.Equal("[]", await (await other.GetAsync("/api/v1/cost-keys")).Content.ReadAsStringAsync());
    }
}
