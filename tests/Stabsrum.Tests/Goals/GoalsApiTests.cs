using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Goals;

/// <summary>Plans, goals, initiatives, status history and key figures through the API, on the configured engine.</summary>
public sealed class GoalsApiTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private async Task<(TestOrganisation Org, HttpClient Api)> PlannerAsync()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        return (org, await app.CreateApiClientAsync(planner, org));
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static async Task<(Guid Plan, Guid Goal)> CreatePlanWithGoalAsync(HttpClient api, int goalNumber = 29)
    {
        var plan = await ReadAsync(await api.PostAsync("/api/v1/goal-plans", Json("""{"name":"NOBR2025","kind":"Periode","startYear":2022,"endYear":2025}""")), HttpStatusCode.Created);
        var planId = plan.GetProperty("id").GetGuid();
        var top = await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{planId}/focus-areas", Json("""{"name":"Kvalitetssikring, opfølgning og implementering"}""")), HttpStatusCode.Created);
        var goal = await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{planId}/goals", Json($$"""{"number":{{goalNumber}},"title":"Implementere en metodik til at måle gevinster ved ”bløde mål”.","kind":"Lokalt","focusAreaId":"{{top.GetProperty("id").GetGuid()}}"}""")), HttpStatusCode.Created);
        return (planId, goal.GetProperty("id").GetGuid());
    }

    internal static async Task<Guid> AddInitiativeAsync(HttpClient api, Guid goal, string text, string? quarter = null)
    {
        var q = quarter is null ? "null" : $"\"{quarter}\"";
        var created = await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/initiatives", Json($$"""{"text":"{{text}}","responsible":"ABC","quarter":{{q}}}""")), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_plan_has_a_two_level_focus_tree_and_goals_numbered_within_it()
    {
        var (_, api) = await PlannerAsync();
        var plan = await ReadAsync(await api.PostAsync("/api/v1/goal-plans", Json("""{"name":"NOBR2025","kind":"Periode","startYear":2022,"endYear":2025}""")), HttpStatusCode.Created);
        var planId = plan.GetProperty("id").GetGuid();
        var top = await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{planId}/focus-areas", Json("""{"name":"Det forebyggende arbejde"}""")), HttpStatusCode.Created);
        var sub = await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{planId}/focus-areas", Json($$"""{"name":"Brandsyn","parentId":"{{top.GetProperty("id")}}"}""")), HttpStatusCode.Created);
        await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{planId}/goals", Json($$"""{"number":8,"title":"Udvikle en model for ”det gode brandsyn”.","focusAreaId":"{{sub.GetProperty("id")}}"}""")), HttpStatusCode.Created);
        var next = await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{planId}/goals", Json("""{"title":"Fremme brandsikkerheden på virksomheder.","kind":"Nationalt"}""")), HttpStatusCode.Created);
        var duplicate = await api.PostAsync($"/api/v1/goal-plans/{planId}/goals", Json("""{"number":8,"title":"Igen nr. 8"}"""));

        Assert.Equal(9, next.GetProperty("number").GetInt32());
        Assert.Equal("Nationalt", next.GetProperty("kind").GetString());
        var problem = await ReadAsync(duplicate, HttpStatusCode.BadRequest);
        Assert.Contains("allerede et mål nr. 8", problem.GetProperty("errors").GetProperty("number")[0].GetString(), StringComparison.Ordinal);
        var view = await ReadAsync(await api.GetAsync($"/api/v1/goal-plans/{planId}"), HttpStatusCode.OK);
        Assert.Equal("Det forebyggende arbejde › Brandsyn", view.GetProperty("goals")[0].GetProperty("focusPath").GetString());
        Assert.Equal(2, view.GetProperty("focusAreas").GetArrayLength());
    }

    [Fact]
    public async Task Initiatives_are_numbered_under_their_goal_and_renumbering_closes_gaps_safely()
    {
        var (_, api) = await PlannerAsync();
        var (_, goal) = await CreatePlanWithGoalAsync(api);
        var ids = new List<Guid>();
        foreach (var text in new[] { "Formulering ABC", "Formulering DEF", "Formulering GHI", "Formulering JKL" })
        {
            ids.Add(await AddInitiativeAsync(api, goal, text, "Q2 2022"));
        }

        var numbers = (await ReadAsync(await api.GetAsync($"/api/v1/goals/{goal}"), HttpStatusCode.OK)).GetProperty("initiatives").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();
        Assert.Equal(["29.1", "29.2", "29.3", "29.4"], numbers);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/initiatives/{ids[1]}")).StatusCode);
        var afterDelete = await AddInitiativeAsync(api, goal, "Ny efter sletning");
        var renumberWithoutConfirm = await api.PostAsync($"/api/v1/goals/{goal}/initiatives/renumber", Json("{}"));
        var renumbered = await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/initiatives/renumber", Json("""{"confirm":true}""")), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.BadRequest, renumberWithoutConfirm.StatusCode);
        var list = renumbered.GetProperty("initiatives").EnumerateArray().Select(i => (i.GetProperty("number").GetString(), i.GetProperty("text").GetString())).ToList();
        Assert.Equal([("29.1", "Formulering ABC"), ("29.2", "Formulering GHI"), ("29.3", "Formulering JKL"), ("29.4", "Ny efter sletning")], list);
        var single = await ReadAsync(await api.GetAsync($"/api/v1/initiatives/{afterDelete}"), HttpStatusCode.OK);
        Assert.Equal("29.4", single.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Status_changes_keep_history_and_postponing_requires_a_reason()
    {
        var (_, api) = await PlannerAsync();
        var (_, goal) = await CreatePlanWithGoalAsync(api);
        var initiative = await AddInitiativeAsync(api, goal, "Formulering ABC", "Q1 2099");

        var noReason = await api.PostAsync($"/api/v1/initiatives/{initiative}/status", Json("""{"status":"UdskudtFravalgt"}"""));
        var problem = await ReadAsync(noReason, HttpStatusCode.BadRequest);
        Assert.Contains("begrundelse", problem.GetProperty("errors").GetProperty("comment")[0].GetString(), StringComparison.Ordinal);

        var changeId = Guid.CreateVersion7();
        var started = $$"""{"id":"{{changeId}}","status":"Igangsat","comment":"Arbejdsgruppe nedsat"}""";
        await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{initiative}/status", Json(started)), HttpStatusCode.OK);
        await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{initiative}/status", Json(started)), HttpStatusCode.OK);
        var postponed = await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{initiative}/status", Json("""{"status":"UdskudtFravalgt","comment":"Lovgivningen er ændret"}""")), HttpStatusCode.OK);

        Assert.Equal("UdskudtFravalgt", postponed.GetProperty("status").GetString());
        Assert.Equal("Udskudt / fravalgt", postponed.GetProperty("statusLabel").GetString());
        var history = postponed.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(3, history.Count); // created, started (once, despite the retry), postponed
        Assert.Equal("Igangsat", history[2].GetProperty("from").GetString());
        Assert.Equal("Lovgivningen er ændret", history[2].GetProperty("comment").GetString());
        Assert.Contains("planlaegger", history[2].GetProperty("changedBy").GetString(), StringComparison.Ordinal);

        var unknown = await api.PostAsync($"/api/v1/initiatives/{initiative}/status", Json("""{"status":"Færdig"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_goal_is_behind_when_an_initiatives_quarter_has_passed_without_implementation()
    {
        var (_, api) = await PlannerAsync();
        var (plan, goal) = await CreatePlanWithGoalAsync(api);
        var lastYear = DateTimeOffset.UtcNow.Year - 1;
        var late = await AddInitiativeAsync(api, goal, "For sent", $"Q2 {lastYear}");
        var done = await AddInitiativeAsync(api, goal, "Færdig", $"Q2 {lastYear}");
        await AddInitiativeAsync(api, goal, "Fremtid", $"Q4 {lastYear + 3}");
        await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{done}/status", Json("""{"status":"Implementeret"}""")), HttpStatusCode.OK);

        var view = await ReadAsync(await api.GetAsync($"/api/v1/goal-plans/{plan}"), HttpStatusCode.OK);
        var summary = view.GetProperty("goals")[0];
        Assert.Equal(1, summary.GetProperty("behindCount").GetInt32());
        Assert.Equal("Bagud (1 initiativ)", summary.GetProperty("timeline").GetString());
        Assert.Equal(1, summary.GetProperty("statusCounts").GetProperty("Implementeret").GetInt32());
        Assert.Equal(2, summary.GetProperty("statusCounts").GetProperty("IgangsaettesJfTidsplan").GetInt32());
        Assert.True((await ReadAsync(await api.GetAsync($"/api/v1/initiatives/{late}"), HttpStatusCode.OK)).GetProperty("isBehind").GetBoolean());

        await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{late}/status", Json("""{"status":"Implementeret","comment":"Færdig"}""")), HttpStatusCode.OK);
        var after = await ReadAsync(await api.GetAsync($"/api/v1/goals/{goal}"), HttpStatusCode.OK);
        Assert.Equal("Følger tidsplan", after.GetProperty("timeline").GetString());
    }

    [Fact]
    public async Task Key_figures_record_a_series_and_compute_attainment_against_the_target()
    {
        var (_, api) = await PlannerAsync();
        var (_, goal) = await CreatePlanWithGoalAsync(api, 4);
        var figure = await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/key-figures", Json("""
            {"name":"Andel der benytter henvisning","unit":"Procent","direction":"HoejereErBedre","baselinePeriod":"2022","baselineValue":47,
             "targetPeriod":"2023","targetValue":50,"method":"Brugerevaluering","dataSource":"Erhvervsstyrelsen","measuredBy":"Erhvervsstyrelsen","frequency":"Aarlig"}
            """)), HttpStatusCode.Created);
        var id = figure.GetProperty("id").GetGuid();

        await ReadAsync(await api.PostAsync($"/api/v1/key-figures/{id}/measurements", Json("""{"period":"H1 2023","value":48.5,"comment":"Halvårsmåling"}""")), HttpStatusCode.OK);
        var halfway = await ReadAsync(await api.GetAsync($"/api/v1/key-figures/{id}"), HttpStatusCode.OK);
        Assert.Equal(50, halfway.GetProperty("attainment").GetProperty("percent").GetInt32());

        await ReadAsync(await api.PostAsync($"/api/v1/key-figures/{id}/measurements", Json("""{"period":"2023-H2","value":51}""")), HttpStatusCode.OK);
        var met = await ReadAsync(await api.GetAsync($"/api/v1/key-figures/{id}"), HttpStatusCode.OK);
        Assert.True(met.GetProperty("attainment").GetProperty("met").GetBoolean());
        Assert.Equal(["H1 2023", "H2 2023"], met.GetProperty("measurements").EnumerateArray().Select(m => m.GetProperty("period").GetString()));

        var badPeriod = await ReadAsync(await api.PostAsync($"/api/v1/key-figures/{id}/measurements", Json("""{"period":"2023/24","value":50}""")), HttpStatusCode.BadRequest);
        Assert.Contains("ukendt format", badPeriod.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
        var overHundred = await ReadAsync(await api.PostAsync($"/api/v1/key-figures/{id}/measurements", Json("""{"period":"2024","value":150}""")), HttpStatusCode.BadRequest);
        Assert.Contains("procentdel", overHundred.GetProperty("errors").GetProperty("value")[0].GetString(), StringComparison.Ordinal);
        var wrongUnitTarget = await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/key-figures", Json("""{"name":"Andel","unit":"Procent","direction":"HoejereErBedre","targetPeriod":"2023","targetValue":250}""")), HttpStatusCode.BadRequest);
        Assert.True(wrongUnitTarget.GetProperty("errors").TryGetProperty("targetValue", out _));
    }

    [Fact]
    public async Task Csv_import_is_all_or_nothing_with_Danish_row_level_messages()
    {
        var (_, api) = await PlannerAsync();
        var (_, goal) = await CreatePlanWithGoalAsync(api, 30);
        var figure = await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/key-figures", Json("""{"name":"Responstid","unit":"Minutter","direction":"LavereErBedre","baselinePeriod":"2022","baselineValue":12,"targetPeriod":"2025","targetValue":10}""")), HttpStatusCode.Created);
        var id = figure.GetProperty("id").GetGuid();

        var bad = "periode;værdi;kommentar\nQ1 2023;11,8;god start\n2023/24;11,5;\nQ3 2023;1.234;\nQ4 2023;11.2;punktum\nQ1 2024;1,234.5;\n";
        var refused = await ReadAsync(await api.PostAsync($"/api/v1/key-figures/{id}/measurements/import", JsonContent.Create(new { csv = bad })), HttpStatusCode.BadRequest);
        var messages = refused.GetProperty("errors").GetProperty("csv").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("Linje 3:", StringComparison.Ordinal) && m.Contains("ukendt format", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Linje 4:", StringComparison.Ordinal) && m.Contains("tvetydig", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Linje 5:", StringComparison.Ordinal) && m.Contains("decimalpunktum", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Linje 6:", StringComparison.Ordinal) && m.Contains("engelsk", StringComparison.Ordinal));
        var untouched = await ReadAsync(await api.GetAsync($"/api/v1/key-figures/{id}"), HttpStatusCode.OK);
        Assert.Equal(0, untouched.GetProperty("measurements").GetArrayLength());

        var good = "periode;værdi;kommentar\nQ1 2023;11,8;god start\n2023-Q2;11,5;\nQ3 2023;10;\"med ; semikolon\"\n";
        var ok = await ReadAsync(await api.PostAsync($"/api/v1/key-figures/{id}/measurements/import", JsonContent.Create(new { csv = good })), HttpStatusCode.OK);
        Assert.Equal(3, ok.GetProperty("imported").GetInt32());
        var series = await ReadAsync(await api.GetAsync($"/api/v1/key-figures/{id}"), HttpStatusCode.OK);
        Assert.Equal([11.8m, 11.5m, 10m], series.GetProperty("measurements").EnumerateArray().Select(m => m.GetProperty("value").GetDecimal()));
        Assert.Equal("med ; semikolon", series.GetProperty("measurements")[2].GetProperty("comment").GetString());
        Assert.True(series.GetProperty("attainment").GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task Readers_may_read_but_not_change_goals()
    {
        var (org, api) = await PlannerAsync();
        var (plan, goal) = await CreatePlanWithGoalAsync(api);
        var reader = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Laeser), org);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/goal-plans/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/api/v1/goals/{goal}/initiatives", Json("""{"text":"Må ikke"}"""))).StatusCode);
    }

    [Fact]
    public async Task Another_organisation_gets_404_and_sees_nothing_of_our_goals()
    {
        var (_, api) = await PlannerAsync();
        var (plan, goal) = await CreatePlanWithGoalAsync(api);
        var initiative = await AddInitiativeAsync(api, goal, "Hemmeligt initiativ");
        var figure = (await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/key-figures", Json("""{"name":"Hemmeligt nøgletal","unit":"Antal","direction":"HoejereErBedre","targetPeriod":"2025","targetValue":10}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var (_, other) = await PlannerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/goal-plans/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/goals/{goal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/initiatives/{initiative}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/key-figures/{figure}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/initiatives/{initiative}/status", Json("""{"status":"Implementeret"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/goals/{goal}/initiatives", Json("""{"text":"Indtrængen"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/key-figures/{figure}/measurements", Json("""{"period":"2024","value":1}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/initiatives/{initiative}")).StatusCode);
        var list = await (await other.GetAsync("/api/v1/goal-plans")).Content.ReadAsStringAsync();
        Assert.Equal("[]", list);
    }
}
