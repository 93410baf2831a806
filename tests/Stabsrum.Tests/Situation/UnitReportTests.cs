using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Situation;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.Situation;

/// <summary>Unit reports (meldinger) and the rapporteringsordning: into the log, idempotent, overdue units, closed incidents.</summary>
public sealed class UnitReportTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task A_report_lands_in_the_log_as_melding_ind_once_even_when_retried()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.AdminApi);
        var body = new { id = Guid.NewGuid(), unit = "Hjemmeplejen", situation = "To borgere uden strøm", needs = "Generator" };

        using var first = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/unit-reports", Json(body));
        using var again = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/unit-reports", Json(body));
        using var changed = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/unit-reports", Json(body with { situation = "Noget andet" }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await ProblemAsync(changed, HttpStatusCode.Conflict);
        var log = await LogAsync(s.AdminApi, incident);
        var entry = Assert.Single(log, e => e.GetProperty("kind").GetString() == "MeldingInd");
        Assert.Equal(body.id, entry.GetProperty("id").GetGuid());
        Assert.Equal("Melding fra Hjemmeplejen: To borgere uden strøm\nBehov: Generator", entry.GetProperty("text").GetString());
        Assert.True((await VerifyAsync(s.AdminApi, incident)).GetProperty("intact").GetBoolean());
        var reports = (await first.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal("Hjemmeplejen", reports.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task The_secretariat_sees_which_units_are_overdue()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.AdminApi);
        await SetUnitAsync(s.AdminApi, incident, "Skoler", 30);
        await SetUnitAsync(s.AdminApi, incident, "Ældreplejen", 60);

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await ReportAsync(s.StaffApi, incident, "skoler", "Alle elever hjemme");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.DoesNotContain(await StatusAsync(s.AdminApi, incident), u => u.Overdue);

        app.Clock.Advance(TimeSpan.FromMinutes(25));
        var status = await StatusAsync(s.AdminApi, incident);
        Assert.Equal(["Skoler", "Ældreplejen"], status.Where(u => u.Overdue).Select(u => u.Unit).Order(StringComparer.Ordinal));

        await ReportAsync(s.StaffApi, incident, "Ældreplejen", "Plejecentrene har strøm");
        status = await StatusAsync(s.AdminApi, incident);
        Assert.Equal(["Skoler"], status.Where(u => u.Overdue).Select(u => u.Unit));
        Assert.Equal("Skoler", status[0].Unit);

        var browser = await app.LoginAsync(s.Admin, s.Org);
        var page = await browser.GetStringAsync($"/haendelser/{incident}/meldinger");
        Assert.Contains("1 enhed er forsinket med deres melding.", page, StringComparison.Ordinal);
        Assert.Contains("Plejecentrene har str", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_reports_and_reports_for_a_closed_incident_are_refused_and_nothing_is_saved()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.AdminApi);
        using (var empty = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/unit-reports", Json(new { id = Guid.NewGuid(), unit = " ", situation = "" })))
        {
            var problem = await ProblemAsync(empty, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("unit", out _));
            Assert.True(problem.GetProperty("errors").TryGetProperty("situation", out _));
        }

        using (var interval = await s.AdminApi.PutAsync($"/api/v1/incidents/{incident}/reporting-units", Json(new { unit = "Skoler", intervalMinutes = 0 })))
        {
            await ProblemAsync(interval, HttpStatusCode.BadRequest);
        }

        using (var close = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/close", Json(new { reason = "Slut" })))
        {
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        }

        using (var closed = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/unit-reports", Json(new { id = Guid.NewGuid(), unit = "Skoler", situation = "For sent" })))
        {
            var problem = await ProblemAsync(closed, HttpStatusCode.BadRequest);
            Assert.Contains("afsluttet", problem.GetRawText(), StringComparison.Ordinal);
        }

        using (var other = await (await SetUpAsync(app)).AdminApi.PostAsync($"/api/v1/incidents/{incident}/unit-reports", Json(new { id = Guid.NewGuid(), unit = "Skoler", situation = "Fremmed" })))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(s.Org.Id, (db, _) => db.UnitReports.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(s.Org.Id, (db, _) => db.ReportingUnits.CountAsync()));
        Assert.DoesNotContain(await LogAsync(s.AdminApi, incident), e => e.GetProperty("kind").GetString() == "MeldingInd");
        Assert.True((await VerifyAsync(s.AdminApi, incident)).GetProperty("intact").GetBoolean());
    }

    private static async Task SetUnitAsync(HttpClient api, Guid incident, string unit, int minutes)
    {
        using var response = await api.PutAsync($"/api/v1/incidents/{incident}/reporting-units", Json(new { unit, intervalMinutes = minutes }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    internal static async Task ReportAsync(HttpClient api, Guid incident, string unit, string situation)
    {
        using var response = await api.PostAsync($"/api/v1/incidents/{incident}/unit-reports", Json(new { id = Guid.NewGuid(), unit, situation }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<ReportingStatus>> StatusAsync(HttpClient api, Guid incident) =>
        (await api.GetFromJsonAsync<List<ReportingStatus>>($"/api/v1/incidents/{incident}/reporting-units", JsonSerializerOptions.Web))!;
}
