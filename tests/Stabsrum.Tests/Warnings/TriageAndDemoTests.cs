using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.Warnings;
using Stabsrum.Features.Warnings.Feeds;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Warnings;

/// <summary>Stands in for the incidents feature: records the calls, returns a new incident id.</summary>
public sealed class FakeIncidentLink : IWarningIncidentLink
{
    public static readonly Guid KnownIncident = Guid.CreateVersion7();

    public List<(string Call, Guid WarningId)> Calls { get; } = [];

    public Task<Guid> CreateIncidentFromWarningAsync(Guid warningId, string? title, CancellationToken cancellationToken)
    {
        Calls.Add(("create:" + title, warningId));
        return Task.FromResult(Guid.CreateVersion7());
    }

    public Task AttachToIncidentAsync(Guid warningId, Guid incidentId, CancellationToken cancellationToken)
    {
        if (incidentId != KnownIncident)
        {
            throw new KeyNotFoundException();
        }

        Calls.Add(("attach", warningId));
        return Task.CompletedTask;
    }
}

public sealed class IncidentLinkFactory : StabsrumFactory
{
    public FakeIncidentLink Link { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IWarningIncidentLink>(Link);
}

/// <summary>With an incident feature registered, triage offers and records "create incident" and "attach".</summary>
public sealed class IncidentTriageTests(IncidentLinkFactory app) : IClassFixture<IncidentLinkFactory>
{
    [Fact]
    public async Task Creating_an_incident_from_a_warning_records_the_outcome_once()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem);
        var api = await app.CreateApiClientAsync(user, org);
        var warning = await ManualAsync(api);

        var page = WebUtility.HtmlDecode(await (await app.LoginAsync(user, org)).GetStringAsync($"/haendelser/varsler/{warning}"));
        using var created = await api.PostAsJsonAsync($"/api/v1/warnings/{warning}/incident", new { title = "Gasudslip" });
        using var again = await api.PostAsJsonAsync($"/api/v1/warnings/{warning}/incident", new { title = "Gasudslip" });

        Assert.Contains("Opret hændelse fra varslet", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var incidentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incidentId").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Single(app.Link.Calls, c => c.WarningId == warning);
        var stored = await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.SingleAsync(w => w.Id == warning));
        Assert.Equal(TriageOutcome.IncidentCreated, stored.Triage);
        Assert.Equal(incidentId, stored.IncidentId);
        Assert.Equal(user.Email, stored.TriagedBy);
    }

    [Fact]
    public async Task Attaching_to_an_unknown_incident_is_refused_and_to_a_known_one_recorded()
    {
        var org = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem), org);
        var warning = await ManualAsync(api);

        using var unknown = await api.PostAsJsonAsync($"/api/v1/warnings/{warning}/attach", new { incidentId = Guid.NewGuid() });
        using var known = await api.PostAsJsonAsync($"/api/v1/warnings/{warning}/attach", new { incidentId = FakeIncidentLink.KnownIncident });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Hændelsen findes ikke", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, known.StatusCode);
        var stored = await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.SingleAsync(w => w.Id == warning));
        Assert.Equal(TriageOutcome.AttachedToIncident, stored.Triage);
        Assert.Equal(FakeIncidentLink.KnownIncident, stored.IncidentId);
    }

    private async Task<Guid> ManualAsync(HttpClient api)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/warnings", new { source = "Politiet", text = "Gasudslip", receivedAt = app.Clock.GetUtcNow() });
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
