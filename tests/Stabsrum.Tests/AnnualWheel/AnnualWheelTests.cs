using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Stabsrum.Features.AnnualWheel;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.AnnualWheel;

public sealed class AnnualWheelTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private DateOnly Today => app.Clock.Today();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<(TestOrganisation Org, TestUser Planner, HttpClient Api)> PlannerAsync()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        return (org, planner, await app.CreateApiClientAsync(planner, org));
    }

    [Fact]
    public void Occurrences_repeat_by_recurrence_within_the_window()
    {
        var halfYearly = new Obligation { Title = "Halvårlig status", DueOn = new DateOnly(2026, 3, 31), Recurrence = Recurrence.HalfYearly };
        var everyThird = new Obligation { Title = "Stor øvelse", DueOn = new DateOnly(2024, 2, 29), Recurrence = Recurrence.EveryNYears, IntervalYears = 3 };
        var once = new Obligation { Title = "Intro", DueOn = new DateOnly(2026, 9, 1) };

        Assert.Equal([new DateOnly(2026, 3, 31), new DateOnly(2026, 9, 30)], halfYearly.Occurrences(new(2026, 1, 1), new(2026, 12, 31)));
        Assert.Equal([new DateOnly(2027, 2, 28)], everyThird.Occurrences(new(2027, 1, 1), new(2027, 12, 31)));
        Assert.Empty(once.Occurrences(new(2027, 1, 1), new(2027, 12, 31)));
        Assert.Equal([new DateOnly(2026, 9, 1)], once.Occurrences(new(2026, 1, 1), new(2026, 12, 31)));
    }

    [Fact]
    public async Task Obligations_are_created_listed_by_year_completed_and_deleted()
    {
        var (_, _, api) = await PlannerAsync();
        var due = new DateOnly(Today.Year, 6, 30);

        using var created = await api.PostAsJsonAsync("/api/v1/annual-wheel/obligations", new
        {
            title = "Halvårlig status til direktionen",
            kind = "HalfYearlyStatus",
            owner = "Beredskabskoordinator",
            dueOn = Iso(due),
            recurrence = "HalfYearly",
            reminderEmail = "koordinator@kommune.dk",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var obligation = await ReadAsync(created);
        Assert.Equal(14, obligation.GetProperty("reminderDaysBefore").GetInt32());
        var id = obligation.GetProperty("id").GetString();

        var year = await ReadAsync(await api.GetAsync($"/api/v1/annual-wheel/obligations?year={Today.Year}"));
        var item = Assert.Single(year.EnumerateArray());
        Assert.Equal([Iso(due), Iso(due.AddMonths(6))], item.GetProperty("occurrences").EnumerateArray().Select(d => d.GetString()));

        using (var done = await api.PostAsJsonAsync($"/api/v1/annual-wheel/obligations/{id}/complete", new { completedOn = Iso(Today) }))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Equal(Iso(due.AddMonths(6)), (await ReadAsync(done)).GetProperty("dueOn").GetString());
        }

        using (var future = await api.PostAsJsonAsync($"/api/v1/annual-wheel/obligations/{id}/complete", new { completedOn = Iso(Today.AddDays(3)) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
            Assert.True((await ReadAsync(future)).GetProperty("errors").TryGetProperty("completedOn", out _));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/annual-wheel/obligations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/annual-wheel/obligations/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_obligations_are_refused_field_by_field()
    {
        var (org, _, api) = await PlannerAsync();

        using var response = await api.PostAsync("/api/v1/annual-wheel/obligations", new StringContent(
            """{"title":"","recurrence":"EveryNYears","intervalYears":0,"reminderDaysBefore":400,"reminderEmail":"nej"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "title", "kind", "dueOn", "intervalYears", "reminderDaysBefore", "reminderEmail" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(0, await app.WithDbAsync(org.Id, async (db, _) => db.Obligations.Count()));
    }

    [Fact]
    public async Task Generated_obligations_are_changed_through_their_plan_only()
    {
        var (_, _, api) = await PlannerAsync();
        using var plan = await api.PostAsJsonAsync("/api/v1/plans", new { title = "Hovedplan", type = "Hovedberedskabsplan", approvedBy = "KB", approvedOn = Iso(Today.AddDays(-10)) });
        var list = await ReadAsync(await api.GetAsync("/api/v1/annual-wheel/obligations"));
        var generated = list.EnumerateArray().First().GetProperty("id").GetString();

        using var put = await api.PutAsJsonAsync($"/api/v1/annual-wheel/obligations/{generated}", new { title = "Flyttet", kind = "Other", dueOn = Iso(Today) });
        using var delete = await api.DeleteAsync($"/api/v1/annual-wheel/obligations/{generated}");
        using var complete = await api.PostAsJsonAsync($"/api/v1/annual-wheel/obligations/{generated}/complete", new { completedOn = Iso(Today) });

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
        Assert.Contains("Ret planen", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_our_obligations()
    {
        var (_, _, api) = await PlannerAsync();
        using var created = await api.PostAsJsonAsync("/api/v1/annual-wheel/obligations", new { title = "Hemmelig intro", kind = "IntroductionOfNewManagers", dueOn = Iso(Today.AddDays(20)) });
        var id = (await ReadAsync(created)).GetProperty("id").GetString();
        var (_, _, theirs) = await PlannerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/annual-wheel/obligations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"/api/v1/annual-wheel/obligations/{id}", new { title = "x", kind = "Other", dueOn = Iso(Today) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync($"/api/v1/annual-wheel/obligations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsJsonAsync($"/api/v1/annual-wheel/obligations/{id}/complete", new { completedOn = Iso(Today) })).StatusCode);
        Assert.Equal("[]", await theirs.GetStringAsync("/api/v1/annual-wheel/obligations"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/annual-wheel/obligations/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_planner_registers_a_plan_in_the_browser_sees_its_due_date_and_finds_it_in_the_year_view()
    {
        var (org, planner, _) = await PlannerAsync();
        var browser = await app.LoginAsync(planner, org);
        var approved = Today.AddDays(-100);

        using var future = await StabsrumFactory.PostFormAsync(browser, "/beredskab/planer/ny", new Dictionary<string, string>
        {
            ["Input.Title"] = "Fremtidsplan",
            ["Input.Type"] = "Hovedberedskabsplan",
            ["Input.ApprovedBy"] = "Kommunalbestyrelsen",
            ["Input.ApprovedOn"] = Iso(Today.AddDays(5)),
        });
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("kan ikke ligge i fremtiden", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await StabsrumFactory.PostFormAsync(browser, "/beredskab/planer/ny", new Dictionary<string, string>
        {
            ["Input.Title"] = "Hovedberedskabsplan for Testkommune",
            ["Input.Type"] = "Hovedberedskabsplan",
            ["Input.ApprovedBy"] = "Kommunalbestyrelsen",
            ["Input.ApprovedOn"] = Iso(approved),
            ["ClientId"] = Guid.CreateVersion7().ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await browser.GetStringAsync(saved.Headers.Location);
        var revisionDue = ElectionPeriod.Containing(approved).Next.End;
        Assert.Contains(LocalDate.Format(revisionDue), details, StringComparison.Ordinal);
        Assert.Contains("er registreret", details, StringComparison.Ordinal);

        var wheel = await browser.GetStringAsync("/beredskab/aarshjul");
        Assert.Contains("Revision: Hovedberedskabsplan for Testkommune", wheel, StringComparison.Ordinal);
        var exerciseDue = approved.AddYears(2);
        var year = WebUtility.HtmlDecode(await browser.GetStringAsync($"/beredskab/aarshjul/aar/{exerciseDue.Year}?maaned={exerciseDue.Month}"));
        Assert.Contains("Øvelse: Hovedberedskabsplan for Testkommune", year, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/beredskab/aarshjul/aar/2026?maaned=13")).StatusCode);
    }
}
