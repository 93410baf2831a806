using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Registry;

public sealed class StaffRoleTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task Default_roles_from_the_seeds_are_added_once_and_are_editable()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);

        using var first = await api.PostAsJsonAsync("/api/v1/staff-roles/defaults", new { confirm = true });
        using var again = await api.PostAsJsonAsync("/api/v1/staff-roles/defaults", new { confirm = true });

        Assert.Equal(DefaultStaffRoles.All.Count, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        var roles = await api.GetFromJsonAsync<JsonElement>("/api/v1/staff-roles");
        var names = roles.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        foreach (var expected in new[] { "Krisestabschef", "Tovholder for krisesekretariatet", "Dagsordenansvarlig", "Logfører", "Pressetalsperson", "Forbindelsesofficer", "Kommunikation", "IT/GIS", "Kriseleder", "Procesansvarlig", "Bemandingsansvarlig", "Kommunikationsansvarlig", "Kommuneansvarlig" })
        {
            Assert.Contains(expected, names);
        }

        var chief = roles.EnumerateArray().First(r => r.GetProperty("name").GetString() == "Krisestabschef");
        Assert.False(string.IsNullOrEmpty(chief.GetProperty("dutiesDuring").GetString()));
        using var edit = await api.PutAsJsonAsync($"/api/v1/staff-roles/{chief.GetProperty("id").GetGuid()}", new { name = "Krisestabschef", dutiesDuring = "Leder staben i Vallensbæk." });
        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        using var duplicate = await api.PostAsJsonAsync("/api/v1/staff-roles", new { name = "Logfører" });
        Assert.Equal("Der findes allerede en rolle med det navn.", (await RegistryClient.ErrorsAsync(duplicate)).GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task A_role_on_an_alarm_list_cannot_be_deleted_and_another_organisation_gets_404()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var role = await api.RoleAsync("Pressetalsperson");
        using var list = await api.PostAsJsonAsync("/api/v1/alarm-lists", new { name = "Stab", mode = "NotifyAll", entries = new[] { new { roleId = role, quorum = 1 } } });

        using var delete = await api.DeleteAsync($"/api/v1/staff-roles/{role}");
        Assert.Contains("'Stab'", (await RegistryClient.ErrorsAsync(delete)).GetProperty("role")[0].GetString(), StringComparison.Ordinal);

        var (_, theirs) = await RegistryClient.PlannerAsync(app, OrganisationRole.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/staff-roles/{role}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"/api/v1/staff-roles/{role}", new { name = "X" })).StatusCode);
        Assert.Equal(0, (await theirs.GetFromJsonAsync<JsonElement>("/api/v1/staff-roles")).GetArrayLength());
    }

    [Fact]
    public async Task The_roles_page_lists_duties_and_offers_the_defaults()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var browser = await app.LoginAsync(planner, org);

        using var added = await StabsrumFactory.PostFormAsync(browser, "/beredskab/roller?handler=Defaults", new Dictionary<string, string>(), formPage: "/beredskab/roller");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await browser.PageAsync("/beredskab/roller");
        Assert.Contains("Tovholder for krisesekretariatet", page, StringComparison.Ordinal);
        Assert.Contains("Fører krisestabens log", page, StringComparison.Ordinal);
    }
}
