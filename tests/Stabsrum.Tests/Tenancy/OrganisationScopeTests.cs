using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Audit;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Tenancy;

public sealed class OrganisationScopeTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task Queries_see_only_the_current_organisations_rows()
    {
        var a = await app.CreateOrganisationAsync();
        var b = await app.CreateOrganisationAsync();
        await AddMunicipalityAsync(a, "Ishøj");
        await AddMunicipalityAsync(b, "Greve");

        var seenByA = await app.WithDbAsync(a.Id, async (db, _) => await db.MemberMunicipalities.Select(m => m.Name).ToListAsync());
        var seenWithoutOrganisation = await app.WithDbAsync(null, async (db, _) => await db.MemberMunicipalities.CountAsync());

        Assert.Equal(["Ishøj"], seenByA);
        Assert.Equal(0, seenWithoutOrganisation);
    }

    [Fact]
    public async Task Writing_another_organisations_row_is_refused_even_when_loaded_by_id()
    {
        var a = await app.CreateOrganisationAsync();
        var b = await app.CreateOrganisationAsync();
        var theirs = await AddMunicipalityAsync(b, "Vallensbæk");

        await Assert.ThrowsAsync<CrossOrganisationWriteException>(() => app.WithDbAsync(a.Id, async (db, _) =>
        {
            var row = await db.MemberMunicipalities.IgnoreQueryFilters().SingleAsync(m => m.Id == theirs);
            row.Name = "Kapret";
            await db.SaveChangesAsync();
        }));

        var name = await app.WithDbAsync(b.Id, async (db, _) => await db.MemberMunicipalities.Where(m => m.Id == theirs).Select(m => m.Name).SingleAsync());
        Assert.Equal("Vallensbæk", name);
    }

    [Fact]
    public async Task The_audit_trail_records_who_changed_what_and_is_append_only()
    {
        var org = await app.CreateOrganisationAsync();
        var admin = await app.CreateUserAsync(org, OrganisationRole.Administrator);
        var api = await app.CreateApiClientAsync(admin, org);

        using var response = await api.PutAsync("/api/v1/organisation", JsonContent(new { name = org.Name, level0Name = "Normal drift", level1Name = "Skærpet", level2Name = "Krise", exerciseMode = true, timeZoneId = "Europe/Copenhagen" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = await app.WithDbAsync(org.Id, async (db, _) => await db.AuditTrail
            .Where(a => a.OrganisationId == org.Id && a.EntityType == nameof(Organisation) && a.Action == "Ændret").SingleAsync());
        Assert.Equal(admin.Email, entry.Actor);
        Assert.Equal(admin.Id, entry.UserId);
        using var changes = JsonDocument.Parse(entry.Changes);
        Assert.Equal("Beredskabsniveau 0", changes.RootElement.GetProperty("Level0Name").GetProperty("old").GetString());
        Assert.Equal("Normal drift", changes.RootElement.GetProperty("Level0Name").GetProperty("new").GetString());

        await Assert.ThrowsAsync<AppendOnlyViolationException>(() => app.WithDbAsync(org.Id, async (db, _) =>
        {
            var stored = await db.AuditTrail.SingleAsync(a => a.Id == entry.Id);
            db.AuditTrail.Remove(stored);
            await db.SaveChangesAsync();
        }));

        var api2 = await api.GetFromJsonAsync<List<AuditEntryDto>>("/api/v1/audit?entityType=Organisation");
        Assert.Contains(api2!, a => a.Id == entry.Id);
    }

    [Fact]
    public async Task Secrets_never_reach_the_audit_trail()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var token = await app.IssueTokenAsync(user, org);

        var all = await app.WithDbAsync(null, async (db, _) => await db.AuditTrail.Select(a => a.Changes).ToListAsync());

        Assert.DoesNotContain(all, c => c.Contains(token, StringComparison.Ordinal) || c.Contains(Stabsrum.Features.Account.PersonalAccessTokenService.Hash(token), StringComparison.Ordinal));
        Assert.Contains(all, c => c.Contains("\"PasswordHash\":\"***\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_organisation_switcher_only_switches_to_organisations_the_user_belongs_to()
    {
        var mine = await app.CreateOrganisationAsync();
        var other = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(mine, OrganisationRole.Stabsmedlem);
        var client = await app.LoginAsync(user);

        using var refused = await StabsrumFactory.PostFormAsync(client, "/organisation/skift", new Dictionary<string, string> { ["organisationId"] = other.Id.ToString() }, formPage: "/");
        var overview = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/konto/ingen-adgang", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(OrganisationContextMiddleware.CookieName, StringComparison.Ordinal)));
        Assert.Contains(mine.Name, overview, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_organisation_cookie_is_ignored()
    {
        var mine = await app.CreateOrganisationAsync();
        var other = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(mine, OrganisationRole.Stabsmedlem);
        var client = await app.LoginAsync(user);
        client.DefaultRequestHeaders.Add("Cookie", $"{OrganisationContextMiddleware.CookieName}={other.Id}");

        var overview = await client.GetStringAsync("/");

        Assert.Contains(mine.Name, overview, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, overview, StringComparison.Ordinal);
    }

    private Task<Guid> AddMunicipalityAsync(TestOrganisation org, string name) =>
        app.WithDbAsync(org.Id, async (db, _) =>
        {
            var row = new MemberMunicipality { Name = name, Population = 1000, SharePercent = 50 };
            db.MemberMunicipalities.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
