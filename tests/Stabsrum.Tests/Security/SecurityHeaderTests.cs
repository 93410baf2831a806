using System.Net;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Security;

public sealed class SecurityHeaderTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Theory]
    [InlineData("/konto/log-ind")]
    [InlineData("/api/v1/me")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_and_forms_carry_antiforgery_tokens()
    {
        var org = await app.CreateOrganisationAsync();
        var client = await app.LoginAsync(await app.CreateUserAsync(org, OrganisationRole.Administrator), org);

        foreach (var path in new[] { "/", "/administration", "/administration/medlemmer", "/administration/ejerkommuner" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.Equal(
                System.Text.RegularExpressions.Regex.Count(html, "<form[^>]*method=\"post\""),
                System.Text.RegularExpressions.Regex.Count(html, "__RequestVerificationToken"));
        }
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_rejected_and_changes_nothing()
    {
        var org = await app.CreateOrganisationAsync();
        var client = await app.LoginAsync(await app.CreateUserAsync(org, OrganisationRole.Administrator), org);

        using var response = await client.PostAsync("/administration", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Kapret" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var name = await app.WithDbAsync(null, async (db, _) => db.Organisations.Where(o => o.Id == org.Id).Select(o => o.Name).Single());
        Assert.Equal(org.Name, name);
    }
}
