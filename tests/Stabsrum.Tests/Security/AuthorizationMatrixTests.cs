using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Security;

/// <summary>
/// Every endpoint and page, discovered from the running app, called by every kind of caller. A new endpoint is
/// covered the moment it is mapped; one with a route parameter this catalogue cannot fill fails loudly.
/// </summary>
public sealed class AuthorizationMatrixTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private static readonly OrganisationRole[] Roles = Enum.GetValues<OrganisationRole>();

    private IReadOnlyList<DiscoveredEndpoint> Endpoints => EndpointCatalog.Discover(app.Services);

    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        Assert.Empty(EndpointCatalog.Undeclared(app.Services));
        Assert.Contains(Endpoints, e => e.Pattern == "api/v1/me");
        Assert.Contains(Endpoints, e => e.Pattern == "administration");
    }

    [Fact]
    public void Administration_and_changes_to_the_organisation_require_an_administrator()
    {
        var administrative = Endpoints.Where(e =>
            e.Pattern.StartsWith("administration", StringComparison.Ordinal)
            || (e.Pattern.StartsWith("api/v1/organisation", StringComparison.Ordinal) && e.Method != "GET")
            || e.Pattern.StartsWith("api/v1/audit", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(administrative);
        Assert.All(administrative, e => Assert.Contains(Permission.Administer, e.Required));
        Assert.False(OrganisationRole.Planlaegger.Allows(Permission.Administer));
        Assert.True(OrganisationRole.Planlaegger.Allows(Permission.MaintainRegistry));
        Assert.False(OrganisationRole.Stabsmedlem.Allows(Permission.MaintainRegistry));
        Assert.True(OrganisationRole.Stabsmedlem.Allows(Permission.OperateIncidents));
        Assert.False(OrganisationRole.Laeser.Allows(Permission.OperateIncidents));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_api_and_the_login_page_from_pages()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var endpoint in Endpoints.Where(e => !e.AllowsAnonymous))
        {
            using var response = await client.SendAsync(Request(endpoint, Guid.NewGuid()));
            var ok = endpoint.IsApi
                ? response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/konto/log-ind", StringComparison.Ordinal);
            if (!ok)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, "Reachable without login:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Each_role_is_allowed_or_forbidden_as_designed()
    {
        var org = await app.CreateOrganisationAsync();
        var failures = new List<string>();
        foreach (var role in Roles)
        {
            var user = await app.CreateUserAsync(org, role);
            var api = await app.CreateApiClientAsync(user, org);
            var browser = await app.LoginAsync(user, org);
            foreach (var endpoint in Endpoints.Where(e => !e.AllowsAnonymous && !IsSignOut(e)))
            {
                using var response = await (endpoint.IsApi ? api : browser).SendAsync(Request(endpoint, Guid.NewGuid()));
                var status = (int)response.StatusCode;
                var forbidden = endpoint.IsApi
                    ? status == 403
                    : status == 302 && response.Headers.Location!.OriginalString.Contains("/konto/ingen-adgang", StringComparison.Ordinal);
                var expectForbidden = !endpoint.Allows(role);
                if (forbidden != expectForbidden || status is 401 or >= 500)
                {
                    failures.Add($"{role} {endpoint}: {status} {response.Headers.Location} (expected {(expectForbidden ? "forbidden" : "allowed")})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_member_of_another_organisation_gets_nothing_of_ours_even_with_our_ids()
    {
        var ours = await app.CreateOrganisationAsync($"Vores kommune {Guid.NewGuid():N}");
        var marker = $"hemmelig-{Guid.NewGuid():N}";
        var ourAdmin = await app.CreateUserAsync(ours, OrganisationRole.Administrator, email: $"{marker}@vores.dk");
        var ourApi = await app.CreateApiClientAsync(ourAdmin, ours);
        using (var added = await ourApi.PostAsync("/api/v1/organisation/member-municipalities", Json($$"""{"name":"{{marker}} kommune","population":1000,"sharePercent":100}""")))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var ourIds = await app.WithDbAsync(ours.Id, async (db, _) =>
            db.Memberships.Select(m => m.Id).AsEnumerable()
                .Concat(db.MemberMunicipalities.Select(m => m.Id))
                .Concat(db.PersonalAccessTokens.Select(t => t.Id))
                .Append(ours.Id)
                .ToList());
        var auditBefore = await AuditCountAsync(ours.Id);

        var theirs = await app.CreateOrganisationAsync();
        var intruder = await app.CreateUserAsync(theirs, OrganisationRole.Administrator);
        var api = await app.CreateApiClientAsync(intruder, theirs);
        var browser = await app.LoginAsync(intruder, theirs);
        var failures = new List<string>();
        foreach (var endpoint in Endpoints.Where(e => !e.AllowsAnonymous && !IsSignOut(e)))
        {
            var ids = endpoint.Pattern.Contains("{id", StringComparison.Ordinal) ? ourIds : [Guid.NewGuid()];
            foreach (var id in ids)
            {
                using var response = await (endpoint.IsApi ? api : browser).SendAsync(Request(endpoint, id));
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (body.Contains(marker, StringComparison.Ordinal) || body.Contains(ours.Name, StringComparison.Ordinal))
                {
                    failures.Add($"{endpoint} with {id}: leaked our data");
                }

                if (endpoint.Pattern.Contains("{id", StringComparison.Ordinal) && status is >= 200 and < 300)
                {
                    failures.Add($"{endpoint} with our id {id}: {status}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(auditBefore, await AuditCountAsync(ours.Id));
        Assert.Equal(ourIds.Count, (await app.WithDbAsync(ours.Id, async (db, _) => db.Memberships.Count() + db.MemberMunicipalities.Count() + db.PersonalAccessTokens.Count())) + 1);
    }

    private Task<int> AuditCountAsync(Guid orgId) =>
        app.WithDbAsync(null, async (db, _) => db.AuditTrail.Count(a => a.OrganisationId == orgId));

    // Signing out ends the session the rest of the loop needs; it has its own tests.
    private static bool IsSignOut(DiscoveredEndpoint e) => e.Pattern == "konto/log-ud" && e.Method == "POST";

    private static HttpRequestMessage Request(DiscoveredEndpoint endpoint, Guid id)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url(id));
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = endpoint.IsApi ? Json("{}") : new FormUrlEncodedContent([]);
        }

        return request;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
