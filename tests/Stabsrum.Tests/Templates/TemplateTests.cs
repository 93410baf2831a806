using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stabsrum.Features.Templates;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Templates;

public sealed class TemplateTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public void Raw_html_and_script_are_not_passed_through()
    {
        var html = TemplateRenderer.ToSafeHtml("# Overskrift\n\n<script>alert('x')</script>\n\nTekst <img src=x onerror=alert(1)> og <b>fed</b>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[klik](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![billede](vbscript:msgbox)")]
    [InlineData("[klik](//ond.example/x)")]
    public void Unsafe_link_targets_are_removed(string markdown)
    {
        var html = TemplateRenderer.ToSafeHtml(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"//ond", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_links_tables_and_lists_render()
    {
        var html = TemplateRenderer.ToSafeHtml("[BRS](https://www.brs.dk) [plan](/beredskab/planer) <mailto:a@b.dk>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] opgave");

        Assert.Contains("href=\"https://www.brs.dk\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/beredskab/planer\"", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_are_filled_escaped_and_unknown_ones_reported()
    {
        var rendered = TemplateRenderer.Render(
            "# {{hændelse.titel}}\n\nDato: {{ dato }} – {{ukendt.felt}}",
            new Dictionary<string, string> { ["hændelse.titel"] = "Brand *i* <script>x</script> [link](javascript:x)", ["dato"] = "03-12-2026" });

        Assert.Contains("Dato: 03-12-2026", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Brand *i* &lt;script&gt;x&lt;/script&gt; [link](javascript:x)", rendered.Html, StringComparison.Ordinal); // shown as written, no markup
        Assert.DoesNotContain("<em>", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", rendered.Html, StringComparison.Ordinal);
        Assert.Equal(["ukendt.felt"], rendered.UnknownPlaceholders);
        Assert.Contains("{{ukendt.felt}}", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_are_kept_per_organisation_and_rendered_through_the_api()
    {
        var org = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org);

        using var created = await api.PostAsJsonAsync("/api/v1/templates", new { name = "Pressemeddelelse", kind = "Pressemeddelelse", body = "# {{hændelse.titel}}\n\n{{organisation}}, {{dato}}\n\n<script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        using var duplicate = await api.PostAsJsonAsync("/api/v1/templates", new { name = "Pressemeddelelse", kind = "Andet", body = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("findes allerede", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var render = await api.PostAsJsonAsync($"/api/v1/templates/{id}/render", new { values = new Dictionary<string, string> { ["hændelse.titel"] = "Skybrud" } });
        Assert.Equal(HttpStatusCode.OK, render.StatusCode);
        var rendered = JsonDocument.Parse(await render.Content.ReadAsStringAsync()).RootElement;
        var html = rendered.GetProperty("html").GetString()!;
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("Skybrud", html, StringComparison.Ordinal);
        Assert.Contains(org.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        var (theirOrg, theirs) = await OtherPlannerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsJsonAsync($"/api/v1/templates/{id}/render", new { values = new Dictionary<string, string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"/api/v1/templates/{id}", new { name = "x", kind = "Andet", body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync($"/api/v1/templates/{id}")).StatusCode);
        Assert.Equal("[]", await theirs.GetStringAsync("/api/v1/templates"));
        // Same name in another organisation is fine.
        Assert.Equal(HttpStatusCode.Created, (await theirs.PostAsJsonAsync("/api/v1/templates", new { name = "Pressemeddelelse", kind = "Pressemeddelelse", body = "x" })).StatusCode);
        Assert.NotEqual(org.Id, theirOrg.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/templates/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_preview_page_renders_safely_and_standard_templates_can_be_inserted()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var browser = await app.LoginAsync(planner, org);

        using var inserted = await StabsrumFactory.PostFormAsync(browser, "/beredskab/skabeloner/ny?handler=Standard", new Dictionary<string, string>(), formPage: "/beredskab/skabeloner");
        Assert.Equal(HttpStatusCode.Redirect, inserted.StatusCode);
        var api = await app.CreateApiClientAsync(planner, org);
        var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/templates")).RootElement;
        Assert.Equal(StandardTemplates.All.Count, list.GetArrayLength());

        using var created = await api.PostAsJsonAsync("/api/v1/templates", new { name = "Ond", kind = "Andet", body = "<script>alert('ond')</script>\n\n[x](javascript:alert(1))" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var page = await browser.GetStringAsync($"/beredskab/skabeloner/{id}");
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", page.Replace("&#x27;", "'", StringComparison.Ordinal).Split("<pre")[0], StringComparison.Ordinal);
    }

    private async Task<(TestOrganisation, HttpClient)> OtherPlannerAsync()
    {
        var org = await app.CreateOrganisationAsync();
        return (org, await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org));
    }
}
