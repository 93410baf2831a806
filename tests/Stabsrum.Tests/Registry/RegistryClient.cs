using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Registry;

/// <summary>Small helpers over the registry API so the tests read as the rules they prove.</summary>
internal static class RegistryClient
{
    public static async Task<(TestOrganisation Org, HttpClient Api)> PlannerAsync(StabsrumFactory app, OrganisationRole role = OrganisationRole.Planlaegger)
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, role);
        return (org, await app.CreateApiClientAsync(user, org));
    }

    public static async Task<JsonElement> CreatePersonAsync(this HttpClient api, object body)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/key-persons", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<Guid> PersonAsync(this HttpClient api, string name, string? mobile = "20 30 40 50", params Guid[] substitutes) =>
        (await api.CreatePersonAsync(new { name, mobilePhone = mobile, substituteIds = substitutes })).GetProperty("id").GetGuid();

    public static async Task<Guid> RoleAsync(this HttpClient api, string name)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/staff-roles", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A page's HTML with entities decoded (Razor encodes æøå), so assertions read as the Danish on screen.</summary>
    public static async Task<string> PageAsync(this HttpClient browser, string url) =>
        WebUtility.HtmlDecode(await browser.GetStringAsync(url));

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
