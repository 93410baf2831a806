using System.Globalization;
using System.Net;
using Stabsrum.Features.Goals;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.Goals.GoalsApiTests;
using static Stabsrum.Tests.Goals.GoalsPageTests;

namespace Stabsrum.Tests.Goals;

/// <summary>
/// Reporting deadlines in the årshjul and its calendar feed, editing and deleting focus areas and key figures,
/// and the Overblik panel.
/// </summary>
public sealed class GoalsFollowUpTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Without_a_first_deadline_a_line_is_due_at_the_end_of_each_period_until_the_plan_ends()
    {
        var quarterly = ReportingSchedule.Deadlines(Frequency.Kvartalsvis, null, 2024, 2025).ToList();
        var monthly = ReportingSchedule.Deadlines(Frequency.Maanedlig, null, 2023, 2023).Take(3).ToList();
        var yearly = ReportingSchedule.Deadlines(Frequency.Aarlig, null, 2022, 2025).ToList();

        Assert.Equal(8, quarterly.Count);
        Assert.Equal([D("2024-03-31"), D("2024-06-30"), D("2024-09-30"), D("2024-12-31")], quarterly.Take(4));
        Assert.Equal(D("2025-12-31"), quarterly[^1]);
        Assert.Equal([D("2023-01-31"), D("2023-02-28"), D("2023-03-31")], monthly);
        Assert.Equal([D("2022-12-31"), D("2023-12-31"), D("2024-12-31"), D("2025-12-31")], yearly);
    }

    [Fact]
    public void From_a_first_deadline_the_last_is_the_first_on_or_after_the_plans_last_day()
    {
        // Reporting on 2025 happens in 2026: the report on the plan's final year is included.
        var yearly = ReportingSchedule.Deadlines(Frequency.Aarlig, D("2023-03-01"), 2022, 2025).ToList();
        var halfYearly = ReportingSchedule.Deadlines(Frequency.Halvaarlig, D("2023-08-31"), 2023, 2023).ToList();

        Assert.Equal([D("2023-03-01"), D("2024-03-01"), D("2025-03-01"), D("2026-03-01")], yearly);
        Assert.Equal([D("2023-08-31"), D("2024-02-29")], halfYearly);
        Assert.Equal(D("2025-03-01"), ReportingSchedule.Next(Frequency.Aarlig, D("2023-03-01"), 2022, 2025, D("2024-03-02")));
        Assert.Null(ReportingSchedule.Next(Frequency.Aarlig, D("2023-03-01"), 2022, 2025, D("2026-03-02")));
    }

    private async Task<(Guid Plan, Guid Goal, Guid Area)> CurrentPlanAsync(HttpClient api, string name = "Handleplan")
    {
        var year = app.Clock.Today().Year;
        var plan = (await ReadAsync(await api.PostAsync("/api/v1/goal-plans", Json($$"""{"name":"{{name}}","kind":"Periode","startYear":{{year}},"endYear":{{year + 1}}}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var area = (await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{plan}/focus-areas", Json("""{"name":"Det forebyggende arbejde"}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var goal = (await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{plan}/goals", Json($$"""{"number":8,"title":"Brandsyn til tiden","focusAreaId":"{{area}}"}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return (plan, goal, area);
    }

    [Fact]
    public async Task Reporting_deadlines_show_in_the_annual_wheel_and_its_calendar_feed_for_their_own_organisation_only()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var (_, goal, _) = await CurrentPlanAsync(api);
        var due = app.Clock.Today().AddDays(20);
        var line = await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/reporting-lines", Json($$"""{"reporter":"Erhvervshus Nordjylland","recipient":"KKR Nordjylland","frequency":"Kvartalsvis","firstDueOn":"{{Iso(due)}}"}""")), HttpStatusCode.Created);
        var badDate = await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/reporting-lines", Json("""{"reporter":"A","recipient":"B","frequency":"Aarlig","firstDueOn":"1899-01-01"}""")), HttpStatusCode.BadRequest);
        var theirs = await app.CreateOrganisationAsync();
        var theirApi = await app.CreateApiClientAsync(await app.CreateUserAsync(theirs, OrganisationRole.Planlaegger), theirs);
        var (_, theirGoal, _) = await CurrentPlanAsync(theirApi);
        await ReadAsync(await theirApi.PostAsync($"/api/v1/goals/{theirGoal}/reporting-lines", Json($$"""{"reporter":"Deres direktion","recipient":"Deres bestyrelse","frequency":"Maanedlig","firstDueOn":"{{Iso(due)}}"}""")), HttpStatusCode.Created);

        Assert.Equal(due, DateOnly.Parse(line.GetProperty("nextDueOn").GetString()!, CultureInfo.InvariantCulture));
        Assert.True(badDate.GetProperty("errors").TryGetProperty("firstDueOn", out _));
        var browser = await app.LoginAsync(planner, org);
        var wheel = await PageAsync(browser, "/beredskab/aarshjul");
        Assert.Contains("Erhvervshus Nordjylland afrapporterer til KKR Nordjylland (HP-mål 8, Handleplan)", wheel, StringComparison.Ordinal);
        Assert.Contains(LocalDate.Format(due), wheel, StringComparison.Ordinal);
        Assert.Contains(LocalDate.Format(due.AddMonths(3)), wheel, StringComparison.Ordinal);
        Assert.DoesNotContain("Deres direktion", wheel, StringComparison.Ordinal);
        var month = await PageAsync(browser, $"/beredskab/aarshjul/aar/{due.Year}?maaned={due.Month}");
        Assert.Contains("Erhvervshus Nordjylland afrapporterer til KKR Nordjylland", month, StringComparison.Ordinal);
        Assert.Contains($"/maal/maal/{goal}", month, StringComparison.Ordinal);
        Assert.Contains("Næste frist", await PageAsync(browser, $"/maal/maal/{goal}"), StringComparison.Ordinal);

        var feed = await ReadAsync(await api.PostAsync("/api/v1/annual-wheel/calendar-feed", Json("""{"regenerate":true}""")), HttpStatusCode.Created);
        var calendar = await app.CreateClient().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        var unfolded = calendar.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        Assert.Contains($"UID:{line.GetProperty("id").GetGuid():N}-{due:yyyyMMdd}@stabsrum", unfolded);
        Assert.Contains($"DTSTART;VALUE=DATE:{due:yyyyMMdd}", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith(@"SUMMARY:Erhvervshus Nordjylland afrapporterer til KKR Nordjylland (HP-mål 8\, Handleplan)", StringComparison.Ordinal));
        Assert.DoesNotContain("Deres direktion", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focus_area_is_renamed_and_moved_but_not_under_itself_and_not_deleted_while_it_has_goals()
    {
        var org = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org);
        var (plan, goal, area) = await CurrentPlanAsync(api);
        var child = (await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{plan}/focus-areas", Json($$"""{"name":"Brandsyn","parentId":"{{area}}"}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var other = (await ReadAsync(await api.PostAsync($"/api/v1/goal-plans/{plan}/focus-areas", Json("""{"name":"Det operative"}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var renamed = await ReadAsync(await api.PutAsync($"/api/v1/focus-areas/{child}", Json($$"""{"name":"Brandsyn og tilsyn","parentId":"{{area}}"}""")), HttpStatusCode.OK);
        Assert.Equal("Det forebyggende arbejde › Brandsyn og tilsyn", renamed.GetProperty("path").GetString());
        var cycle = await ReadAsync(await api.PutAsync($"/api/v1/focus-areas/{area}", Json($$"""{"name":"Det forebyggende arbejde","parentId":"{{child}}"}""")), HttpStatusCode.BadRequest);
        Assert.Contains("under sig selv", cycle.GetProperty("errors").GetProperty("parentId")[0].GetString(), StringComparison.Ordinal);
        var empty = await ReadAsync(await api.PutAsync($"/api/v1/focus-areas/{area}", Json("""{"name":" "}""")), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("name", out _));

        var refused = await ReadAsync(await api.DeleteAsync($"/api/v1/focus-areas/{area}"), HttpStatusCode.Conflict);
        Assert.Contains("har 1 mål (nr. 8)", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}", Json($$"""{"number":8,"title":"Brandsyn til tiden","focusAreaId":"{{other}}"}""")), HttpStatusCode.OK);
        var hasChild = await ReadAsync(await api.DeleteAsync($"/api/v1/focus-areas/{area}"), HttpStatusCode.Conflict);
        Assert.Contains("1 underområde", hasChild.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ReadAsync(await api.DeleteAsync($"/api/v1/focus-areas/{child}"), HttpStatusCode.NoContent);
        await ReadAsync(await api.DeleteAsync($"/api/v1/focus-areas/{area}"), HttpStatusCode.NoContent);
        await ReadAsync(await api.DeleteAsync($"/api/v1/focus-areas/{area}"), HttpStatusCode.NotFound);

        var view = await ReadAsync(await api.GetAsync($"/api/v1/goal-plans/{plan}"), HttpStatusCode.OK);
        Assert.Equal(["Det operative"], view.GetProperty("focusAreas").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(other, view.GetProperty("goals")[0].GetProperty("focusAreaId").GetGuid());
    }

    [Fact]
    public async Task A_key_figure_is_edited_keeps_its_unit_once_measured_and_is_deleted_only_when_no_goal_depends_on_it()
    {
        var org = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org);
        var (_, goal, _) = await CurrentPlanAsync(api);
        var figure = (await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/key-figures", Json("""{"name":"Brandsyn til tiden","unit":"Procent","direction":"HoejereErBedre","targetPeriod":"2027","targetValue":90}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ReadAsync(await api.PostAsync($"/api/v1/key-figures/{figure}/measurements", Json("""{"period":"2026","value":85}""")), HttpStatusCode.OK);

        var edited = await ReadAsync(await api.PutAsync($"/api/v1/key-figures/{figure}", Json("""{"name":"Lovpligtige brandsyn til tiden","unit":"Procent","direction":"HoejereErBedre","baselinePeriod":"2025","baselineValue":80,"targetPeriod":"2027","targetValue":95,"method":"Udtræk fra fagsystemet"}""")), HttpStatusCode.OK);
        Assert.Equal("Lovpligtige brandsyn til tiden", edited.GetProperty("name").GetString());
        Assert.Equal(95m, edited.GetProperty("targetValue").GetDecimal());
        Assert.Equal(33, edited.GetProperty("attainment").GetProperty("percent").GetInt32()); // 85 is a third of the way from the new baseline 80 to 95
        var unit = await ReadAsync(await api.PutAsync($"/api/v1/key-figures/{figure}", Json("""{"name":"x","unit":"Antal","direction":"HoejereErBedre","targetPeriod":"2027","targetValue":95}""")), HttpStatusCode.BadRequest);
        Assert.Contains("Enheden kan ikke ændres", unit.GetProperty("errors").GetProperty("unit")[0].GetString(), StringComparison.Ordinal);
        var wrongTarget = await ReadAsync(await api.PutAsync($"/api/v1/key-figures/{figure}", Json("""{"name":"x","unit":"Procent","direction":"HoejereErBedre","targetPeriod":"2027","targetValue":120}""")), HttpStatusCode.BadRequest);
        Assert.True(wrongTarget.GetProperty("errors").TryGetProperty("targetValue", out _));
        Assert.Equal("Lovpligtige brandsyn til tiden", (await ReadAsync(await api.GetAsync($"/api/v1/key-figures/{figure}"), HttpStatusCode.OK)).GetProperty("name").GetString());

        await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}/fulfilment", Json($$"""{"rule":"Noegletal","keyFigureId":"{{figure}}"}""")), HttpStatusCode.OK);
        var refused = await ReadAsync(await api.DeleteAsync($"/api/v1/key-figures/{figure}"), HttpStatusCode.Conflict);
        Assert.Contains("afgør opfyldelsen af HP-mål 8", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}/fulfilment", Json("""{"rule":"Aktiviteter"}""")), HttpStatusCode.OK);
        await ReadAsync(await api.DeleteAsync($"/api/v1/key-figures/{figure}"), HttpStatusCode.NoContent);

        await ReadAsync(await api.GetAsync($"/api/v1/key-figures/{figure}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await ReadAsync(await api.GetAsync($"/api/v1/goals/{goal}"), HttpStatusCode.OK)).GetProperty("keyFigures").GetArrayLength());
        var measurements = await app.WithDbAsync(org.Id, async (db, _) => await Task.FromResult(db.Measurements.Count(m => m.KeyFigureId == figure)));
        Assert.Equal(0, measurements);
    }

    [Fact]
    public async Task The_pages_edit_and_delete_with_the_refusal_in_Danish()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var (plan, goal, area) = await CurrentPlanAsync(api);
        var figure = (await ReadAsync(await api.PostAsync($"/api/v1/goals/{goal}/key-figures", Json("""{"name":"Responstid","unit":"Minutter","direction":"LavereErBedre","targetPeriod":"2027","targetValue":10}""")), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var browser = await app.LoginAsync(planner, org);

        Assert.Contains($"/maal/fokusomraader/{area}", await PageAsync(browser, $"/maal/planer/{plan}"), StringComparison.Ordinal);
        var refused = await StabsrumFactory.PostFormAsync(browser, $"/maal/fokusomraader/{area}?handler=Delete", new Dictionary<string, string>(), formPage: $"/maal/fokusomraader/{area}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Flyt målene til et andet fokusområde", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var renamed = await StabsrumFactory.PostFormAsync(browser, $"/maal/fokusomraader/{area}", new Dictionary<string, string> { ["Name"] = "Forebyggelse", ["ParentId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Forebyggelse", await PageAsync(browser, $"/maal/planer/{plan}"), StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["Figure.Name"] = "Responstid i landdistrikter",
            ["Figure.Unit"] = "Minutter",
            ["Figure.Direction"] = "LavereErBedre",
            ["Figure.TargetPeriod"] = "2027",
            ["Figure.TargetValue"] = "9,5 min.",
            ["Figure.Frequency"] = "Aarlig",
        };
        var wrongUnit = await StabsrumFactory.PostFormAsync(browser, $"/maal/noegletal/{figure}?handler=Edit", new Dictionary<string, string>(form) { ["Figure.TargetValue"] = "9 %" }, formPage: $"/maal/noegletal/{figure}");
        Assert.Contains("måles i minutter", WebUtility.HtmlDecode(await wrongUnit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var saved = await StabsrumFactory.PostFormAsync(browser, $"/maal/noegletal/{figure}?handler=Edit", form, formPage: $"/maal/noegletal/{figure}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await PageAsync(browser, $"/maal/noegletal/{figure}");
        Assert.Contains("Nøgletal: Responstid i landdistrikter", page, StringComparison.Ordinal);
        Assert.Contains("9,5 min.", page, StringComparison.Ordinal);
        var deleted = await StabsrumFactory.PostFormAsync(browser, $"/maal/noegletal/{figure}?handler=Delete", new Dictionary<string, string>(), formPage: $"/maal/noegletal/{figure}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("er slettet", await PageAsync(browser, $"/maal/maal/{goal}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_panel_shows_fulfilment_per_plan_and_the_initiatives_behind_schedule()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var (_, goal, _) = await CurrentPlanAsync(api, "Handleplan 2027");
        var today = app.Clock.Today();
        var lastQuarter = today.AddMonths(-3);
        var done = await AddInitiativeAsync(api, goal, "Ny tilsynsplan");
        await AddInitiativeAsync(api, goal, "Digitale brandsynsrapporter", $"Q{((lastQuarter.Month - 1) / 3) + 1} {lastQuarter.Year}");
        await ReadAsync(await api.PostAsync($"/api/v1/initiatives/{done}/status", Json("""{"status":"Implementeret"}""")), HttpStatusCode.OK);
        await ReadAsync(await api.PutAsync($"/api/v1/goals/{goal}/fulfilment", Json("""{"rule":"Aktiviteter"}""")), HttpStatusCode.OK);
        var browser = await app.LoginAsync(planner, org);

        var overview = await PageAsync(browser, "/");

        Assert.Contains("Mål og handlingsplaner", overview, StringComparison.Ordinal);
        Assert.Contains("Handleplan 2027", overview, StringComparison.Ordinal);
        Assert.Contains("50 % opfyldt", overview, StringComparison.Ordinal);
        Assert.Contains("1 initiativ bagud", overview, StringComparison.Ordinal);
        Assert.Contains("8.2 Digitale brandsynsrapporter", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("8.1 Ny tilsynsplan", overview, StringComparison.Ordinal);
    }
}
