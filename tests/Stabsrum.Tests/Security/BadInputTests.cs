using System.Net;
using System.Text;
using System.Text.Json;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Security;

/// <summary>Malformed, mistyped and oversize bodies to every API endpoint that takes one: a 4xx ProblemDetails, never a 5xx, nothing changed.</summary>
public sealed class BadInputTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        { "invalid JSON", "{\"name\": ", "application/json" },
        { "wrong types", """{"name": 42, "email": [], "role": "Konge", "population": "mange", "sharePercent": {}, "kind": 7, "exerciseMode": "ja"}""", "application/json" },
        { "array instead of object", "[1,2,3]", "application/json" },
        { "not JSON at all", "name=Greve", "text/plain" },
        { "empty", "", "application/json" },
        { "oversize", "{\"name\":\"" + new string('x', 1_100_000) + "\"}", "application/json" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Every_api_endpoint_with_a_body_answers_bad_input_with_a_4xx_problem_and_changes_nothing(string label, string body, string contentType)
    {
        var org = await app.CreateOrganisationAsync();
        var admin = await app.CreateUserAsync(org, OrganisationRole.Administrator);
        var api = await app.CreateApiClientAsync(admin, org);
        var before = await AuditCountAsync(org.Id);
        var failures = new List<string>();

        foreach (var endpoint in EndpointCatalog.Discover(app.Services).Where(e => e.IsApi && e.Method is "POST" or "PUT" or "PATCH"))
        {
            var memberId = await app.WithDbAsync(org.Id, async (db, _) => db.Memberships.Select(m => m.Id).First());
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url(memberId))
            {
                Content = new StringContent(body, Encoding.UTF8, contentType),
            };
            using var response = await api.SendAsync(request);
            var status = (int)response.StatusCode;
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status is < 400 or >= 500 || !problem)
            {
                failures.Add($"{endpoint} ({label}): {status} {response.Content.Headers.ContentType}");
                continue;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (!json.RootElement.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
            {
                failures.Add($"{endpoint} ({label}): problem without a title");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await AuditCountAsync(org.Id));
    }

    [Fact]
    public async Task Validation_errors_name_the_fields_in_Danish()
    {
        var org = await app.CreateOrganisationAsync();
        var admin = await app.CreateUserAsync(org, OrganisationRole.Administrator);
        var api = await app.CreateApiClientAsync(admin, org);

        using var response = await api.PutAsync("/api/v1/organisation", new StringContent("""{"name":"","level0Name":"","level1Name":"Niveau 1","level2Name":"Niveau 2","timeZoneId":"Mars/Olympus"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal("Navn skal udfyldes.", errors.GetProperty("name")[0].GetString());
        Assert.Contains("Mars/Olympus", errors.GetProperty("timeZoneId")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("level0Name", out _));
        Assert.Equal("Ugyldig forespørgsel", json.RootElement.GetProperty("title").GetString());
        var name = await app.WithDbAsync(null, async (db, _) => db.Organisations.Where(o => o.Id == org.Id).Select(o => o.Name).Single());
        Assert.Equal(org.Name, name);
    }

    [Theory]
    [InlineData("Bearer stb_ikke-en-rigtig-noegle")]
    [InlineData("Bearer ")]
    [InlineData("Bearer " + "stb_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    public async Task Invalid_credentials_get_401_problem_details(string authorization)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_api_routes_and_wrong_methods_answer_with_problem_details()
    {
        var org = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Laeser), org);

        using var missing = await api.GetAsync("/api/v1/findes-ikke");
        using var wrongMethod = await api.PatchAsync("/api/v1/me", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/me\"", json, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/organisation/members\"", json, StringComparison.Ordinal);
    }

    private Task<int> AuditCountAsync(Guid orgId) =>
        app.WithDbAsync(null, async (db, _) => db.AuditTrail.Count(a => a.OrganisationId == orgId));
}
