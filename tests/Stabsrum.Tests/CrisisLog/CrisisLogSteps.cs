using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.CrisisLog;

/// <summary>An organisation with an administrator (borgmester, cleared) and a staff member (no position, no clearance).</summary>
public sealed record CrisisSetup(TestOrganisation Org, TestUser Admin, HttpClient AdminApi, TestUser Staff, HttpClient StaffApi);

/// <summary>What a staff member does with incidents and the log, through the API.</summary>
public static class CrisisLogSteps
{
    public static async Task<CrisisSetup> SetUpAsync(StabsrumFactory app)
    {
        var org = await app.CreateOrganisationAsync();
        var admin = await app.CreateUserAsync(org, OrganisationRole.Administrator);
        var staff = await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem);
        var adminApi = await app.CreateApiClientAsync(admin, org);
        await SetAuthorityAsync(app, adminApi, org, admin, "Borgmester", clearance: true);
        return new CrisisSetup(org, admin, adminApi, staff, await app.CreateApiClientAsync(staff, org));
    }

    public static async Task SetAuthorityAsync(StabsrumFactory app, HttpClient adminApi, TestOrganisation org, TestUser user, string position, bool clearance)
    {
        var membershipId = await app.WithDbAsync(org.Id, (db, _) => db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.Id).SingleAsync());
        using var response = await adminApi.PutAsync($"/api/v1/incident-authority/members/{membershipId}", Json(new { position, clearance }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    public static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<Guid> CreateIncidentAsync(HttpClient api, string title = "Skybrud over byen", bool exercise = false)
    {
        using var response = await api.PostAsync("/api/v1/incidents", Json(new { title, type = "Vejr", description = "Meget regn", area = "Midtbyen", isExercise = exercise }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> AppendAsync(HttpClient api, Guid incidentId, object entry) =>
        api.PostAsync($"/api/v1/incidents/{incidentId}/log", Json(entry));

    public static async Task<JsonElement> AppendOkAsync(HttpClient api, Guid incidentId, object entry)
    {
        using var response = await AppendAsync(api, incidentId, entry);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> VerifyAsync(HttpClient api, Guid incidentId)
    {
        using var response = await api.GetAsync($"/api/v1/incidents/{incidentId}/log/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<JsonElement>> LogAsync(HttpClient api, Guid incidentId, string query = "")
    {
        using var response = await api.GetAsync($"/api/v1/incidents/{incidentId}/log{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
