using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Warnings;
using Stabsrum.Features.Warnings.Feeds;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Warnings;

/// <summary>Triage through the real incidents feature: the incident is prefilled and the log records the warning.</summary>
public sealed class IncidentTriageTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task Creating_an_incident_from_a_warning_prefills_it_logs_the_warning_and_records_the_outcome_once()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem);
        var api = await app.CreateApiClientAsync(user, org);
        var warning = await ManualAsync(api, "Gasudslip ved Vallensbæk Station");

        var page = WebUtility.HtmlDecode(await (await app.LoginAsync(user, org)).GetStringAsync($"/haendelser/varsler/{warning}"));
        using var created = await api.PostAsJsonAsync($"/api/v1/warnings/{warning}/incident", new { title = "Gasudslip" });
        using var again = await api.PostAsJsonAsync($"/api/v1/warnings/{warning}/incident", new { title = "Gasudslip" });

        Assert.Contains("Opret hændelse fra varslet", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var incidentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incidentId").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var (stored, incident, entries) = await app.WithDbAsync(org.Id, async (db, _) => (
            await db.Warnings.SingleAsync(w => w.Id == warning),
            await db.Incidents.SingleAsync(),
            await db.CrisisLogEntries.Where(e => e.IncidentId == incidentId).OrderBy(e => e.Sequence).ToListAsync()));
        Assert.Equal(TriageOutcome.IncidentCreated, stored.Triage);
        Assert.Equal(incidentId, stored.IncidentId);
        Assert.Equal(user.Email, stored.TriagedBy);
        Assert.Equal(incidentId, incident.Id);
        Assert.Equal("Gasudslip", incident.Title);
        Assert.Contains(entries, e => e.Kind == LogEntryKind.MeldingInd && e.Text.Contains("Gasudslip ved Vallensbæk Station", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attaching_logs_the_warning_in_the_incident_and_another_organisations_incident_is_refused()
    {
        var org = await app.CreateOrganisationAsync();
        var other = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem), org);
        var otherApi = await app.CreateApiClientAsync(await app.CreateUserAsync(other, OrganisationRole.Stabsmedlem), other);
        var ours = await IncidentAsync(api, "Skybrud");
        var theirs = await IncidentAsync(otherApi, "Deres hændelse");
        var warning = await ManualAsync(api, "Vand i kældre på Horsbred");

        using var foreign = await api.PostAsJsonAsync($"/api/v1/warnings/{warning}/attach", new { incidentId = theirs });
        using var unknown = await api.PostAsJsonAsync($"/api/v1/warnings/{warning}/attach", new { incidentId = Guid.NewGuid() });
        using var known = await api.PostAsJsonAsync($"/api/v1/warnings/{warning}/attach", new { incidentId = ours });

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("Hændelsen findes ikke", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, known.StatusCode);
        var (stored, logged, theirLog) = await app.WithDbAsync(org.Id, async (db, _) => (
            await db.Warnings.SingleAsync(w => w.Id == warning),
            await db.CrisisLogEntries.CountAsync(e => e.IncidentId == ours && e.Kind == LogEntryKind.MeldingInd),
            await db.CrisisLogEntries.IgnoreQueryFilters().CountAsync(e => e.IncidentId == theirs && e.Kind == LogEntryKind.MeldingInd)));
        Assert.Equal(TriageOutcome.AttachedToIncident, stored.Triage);
        Assert.Equal(ours, stored.IncidentId);
        Assert.Equal(1, logged);
        Assert.Equal(0, theirLog);
    }

    private async Task<Guid> ManualAsync(HttpClient api, string text)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/warnings", new { source = "Politiet", text, receivedAt = app.Clock.GetUtcNow() });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> IncidentAsync(HttpClient api, string title)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/incidents", new { title, type = "Vejr", isExercise = true });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

public sealed class DemoFactory : StabsrumFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "true");
    }
}

/// <summary>The demo: Vallensbæk's area, a disabled feed, one relevant and one irrelevant warning.</summary>
public sealed class WarningDemoDataTests(DemoFactory app) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Vallensbaek_gets_areas_a_disabled_feed_and_a_relevant_and_an_irrelevant_warning()
    {
        var orgId = await app.WithDbAsync(null, async (db, _) => await db.Organisations.Where(o => o.Name == "Vallensbæk Kommune").Select(o => o.Id).SingleAsync());

        var (areas, feeds, warnings) = await app.WithDbAsync(orgId, async (db, _) =>
            (await db.WarningAreas.ToListAsync(), await db.WarningFeeds.ToListAsync(), await db.Warnings.OrderBy(w => w.IsRelevant).ToListAsync()));

        Assert.Single(areas);
        Assert.False(Assert.Single(feeds).Enabled);
        Assert.Equal(2, warnings.Count);
        Assert.False(warnings[0].IsRelevant);
        Assert.True(warnings[1].IsRelevant);
        Assert.Equal(AwarenessLevel.Orange, warnings[1].AwarenessLevel);
        Assert.True(warnings[1].AwaitsTriage(app.Clock.GetUtcNow()));
        Assert.Equal(0, await app.Services.GetRequiredService<WarningFeedPolling>().PollDueFeedsAsync(CancellationToken.None));
    }
}
