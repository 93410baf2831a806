using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;
using Stabsrum.Tests.Infrastructure;
using Stabsrum.Tests.Pdf;

namespace Stabsrum.Tests.Registry;

public sealed class BeredskabsmappeTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private async Task<(TestOrganisation Org, TestUser Planner)> FilledAsync()
    {
        var org = await app.CreateOrganisationAsync($"Vallensbæk mappe {Guid.NewGuid():N}"[..32]);
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var deputy = await api.PersonAsync("Søren Stedfortræder", "20 11 22 33");
        var chief = (await api.CreatePersonAsync(new { name = "Åse Beredskabschef", title = "Beredskabschef", mobilePhone = "20 11 22 34", privatePhone = "30 40 50 60", substituteIds = new[] { deputy } })).GetProperty("id").GetGuid();
        using (var list = await api.PostAsJsonAsync("/api/v1/alarm-lists", new { name = "Aktivering af krisestyring", mode = "StopAtFirstContact", entries = new[] { new { personId = chief } } }))
        {
            Assert.Equal(HttpStatusCode.Created, list.StatusCode);
        }

        using (var roles = await api.PostAsJsonAsync("/api/v1/staff-roles/defaults", new { confirm = true }))
        {
            Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        }

        using (var r = await api.PostAsJsonAsync("/api/v1/resources", new { name = "Nødstrømsgenerator 100 kVA", category = "Strøm", critical = true, requisitionPhone = "43 97 20 10" }))
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }

        using (var p = await api.PostAsJsonAsync("/api/v1/partners", new { organisationName = "Region Hovedstaden", kind = "Region", contacts = new[] { new { name = "AMK-vagtchef", phone = "38 66 59 00" } } }))
        {
            Assert.Equal(HttpStatusCode.Created, p.StatusCode);
        }

        return (org, planner);
    }

    [Fact]
    public async Task The_PDF_has_cover_chapters_names_phones_and_generation_time_on_every_page()
    {
        var (org, planner) = await FilledAsync();
        var browser = await app.LoginAsync(planner, org);

        var watch = Stopwatch.StartNew();
        using var response = await browser.GetAsync("/beredskab/beredskabsmappe?format=pdf");
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
        var generated = DanishTime.Format(app.Clock.GetUtcNow());
        Assert.Contains(org.Name, text, StringComparison.Ordinal);
        Assert.Contains("Gyldig pr.", text, StringComparison.Ordinal);
        Assert.Contains("Dannet af", text, StringComparison.Ordinal);
        Assert.Contains("Test Planlaegger", text, StringComparison.Ordinal);
        Assert.Contains("Aktivering af krisestyring", text, StringComparison.Ordinal);
        Assert.Contains("Åse Beredskabschef", text, StringComparison.Ordinal);
        Assert.Contains("Søren Stedfortræder", text, StringComparison.Ordinal);
        Assert.Contains("+45 20 11 22 34", text, StringComparison.Ordinal);
        Assert.Contains("+45 30 40 50 60", text, StringComparison.Ordinal);
        Assert.Contains("Tovholder for krisesekretariatet", text, StringComparison.Ordinal);
        Assert.Contains("Nødstrømsgenerator 100 kVA", text, StringComparison.Ordinal);
        Assert.Contains("AMK-vagtchef", text, StringComparison.Ordinal);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        Assert.True(pages.Count >= 5, $"{pages.Count} pages");
        Assert.All(pages, p => Assert.Contains("Dannet " + generated, p, StringComparison.Ordinal));
        Assert.Contains($"Side 1 af {pages.Count}", pages[0], StringComparison.Ordinal);
        Console.WriteLine($"Beredskabsmappe PDF: {pages.Count} pages in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task The_print_version_is_plain_HTML_and_hides_private_phones_from_readers()
    {
        var (org, _) = await FilledAsync();
        var reader = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var browser = await app.LoginAsync(reader, org);

        using var response = await browser.GetAsync("/beredskab/beredskabsmappe");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Åse Beredskabschef", html, StringComparison.Ordinal);
        Assert.Contains("+45 20 11 22 34", html, StringComparison.Ordinal);
        Assert.DoesNotContain("30 40 50 60", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fortroligt:", html, StringComparison.Ordinal);
    }
}
