using System.Net;
using System.Net.Http.Json;
using Stabsrum.Features.Health;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Health;

public sealed class StartupTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task Health_reports_the_database_as_reachable_after_start_up_on_an_empty_database()
    {
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<HealthEndpoint.HealthReport>();
        Assert.Equal("reachable", report!.Database);
        Assert.Equal(app.Database.Provider.ToString(), report.Provider);
    }

    [Fact]
    public async Task Login_page_is_Danish_and_pages_redirect_anonymous_users_to_it()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var overview = await client.GetAsync("/");
        var login = await client.GetStringAsync("/konto/log-ind");

        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.StartsWith("/konto/log-ind", overview.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"da\">", login, StringComparison.Ordinal);
        Assert.Contains("Adgangskode", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_member_sees_the_overview_of_their_organisation()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, Stabsrum.Infrastructure.Tenancy.OrganisationRole.Laeser);
        var client = await app.LoginAsync(user);

        var html = await client.GetStringAsync("/");

        Assert.Contains("Overblik – " + org.Name, html, StringComparison.Ordinal);
    }
}
