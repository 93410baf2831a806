using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Registry;

public sealed class ResourceAndPartnerTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task A_resource_keeps_every_field_and_normalises_the_requisition_phone()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);

        using var created = await api.PostAsJsonAsync("/api/v1/resources", new
        {
            name = "Dykpumpe 3000 l/min",
            category = "Pumper",
            quantity = 4,
            location = "Materielgården, Vallensbæk",
            owningUnit = "Teknik og Miljø",
            requisitionContact = "Vagthavende driftsleder",
            requisitionPhone = "43 97 20 99",
            availability = "Begraenset",
            critical = true,
            notes = "Kræver trailer",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var r = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("+4543972099", r.GetProperty("requisitionPhone").GetString());
        Assert.Equal("Begraenset", r.GetProperty("availability").GetString());
        Assert.True(r.GetProperty("critical").GetBoolean());

        using var bad = await api.PostAsJsonAsync("/api/v1/resources", new { name = "X", category = "", quantity = -1, requisitionPhone = "99" });
        var errors = await RegistryClient.ErrorsAsync(bad);
        Assert.Equal("Kategori skal udfyldes.", errors.GetProperty("category")[0].GetString());
        Assert.True(errors.TryGetProperty("quantity", out _));
        Assert.True(errors.TryGetProperty("requisitionPhone", out _));
    }

    [Fact]
    public async Task A_partner_has_contacts_and_a_bad_contact_is_refused_naming_the_row()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        using var created = await api.PostAsJsonAsync("/api/v1/partners", new
        {
            organisationName = "Københavns Vestegns Politi",
            kind = "Politi",
            provides = "Afspærring, evakuering, ledelse af indsatsen",
            contacts = new object[] { new { name = "Vagtchef", title = "Døgnbemandet", phone = "114" }, new { name = "Lokalpolitiet", phone = "+45 43 86 14 48", email = "kvpol@politi.dk" } },
        });
        var errors = await RegistryClient.ErrorsAsync(created);
        Assert.StartsWith("Kontakt 1: Telefon '114'", errors.GetProperty("contacts")[0].GetString(), StringComparison.Ordinal);

        using var ok = await api.PostAsJsonAsync("/api/v1/partners", new
        {
            organisationName = "Københavns Vestegns Politi",
            kind = "Politi",
            contacts = new[] { new { name = "Lokalpolitiet", phone = "+45 43 86 14 48", email = "kvpol@politi.dk" } },
        });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var id = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var update = await api.PutAsJsonAsync($"/api/v1/partners/{id}", new
        {
            organisationName = "Københavns Vestegns Politi",
            kind = "Politi",
            contacts = new[] { new { name = "Lokalpolitiet", phone = "+45 43 86 14 48" }, new { name = "Vagtcentralen", phone = "43 86 14 48" } },
        });
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        var partner = await api.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{id}");
        Assert.Equal(2, partner.GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task CSV_export_neutralises_formulas_but_keeps_phone_numbers_plain()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, org);
        var browser = await app.LoginAsync(planner, org);
        await api.CreatePersonAsync(new { name = "=HYPERLINK(\"http://ond.example\",\"Klik\")", mobilePhone = "20304050", notes = "@SUM(A1:A2)" });
        using (var r = await api.PostAsJsonAsync("/api/v1/resources", new { name = "+cmd|' /C calc'!A0", category = "-Pumper" }))
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }

        var persons = await browser.GetByteArrayAsync("/beredskab/noeglepersoner?handler=Csv");
        var resources = await browser.GetByteArrayAsync("/beredskab/ressourcer?handler=Csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], persons[..3]);
        var text = Encoding.UTF8.GetString(persons);
        Assert.Contains("Navn;Titel;Enhed;Mobil", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://ond.example\"\",\"\"Klik\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1:A2)", text, StringComparison.Ordinal);
        Assert.Contains(";+45 20 30 40 50;", text, StringComparison.Ordinal);
        var res = Encoding.UTF8.GetString(resources);
        Assert.Contains("'+cmd|", res, StringComparison.Ordinal);
        Assert.Contains("'-Pumper", res, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_shows_the_readiness_panel()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org);
        await api.CreatePersonAsync(new { name = "Ulla Ubekræftet", mobilePhone = "20304050", hasClearance = true, clearanceLevel = "Fortroligt", clearanceExpiresOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(30)) });
        var browser = await app.LoginAsync(planner, org);

        var page = await browser.PageAsync("/");

        Assert.Contains("Parathed i beredskabsregistret", page, StringComparison.Ordinal);
        Assert.Contains("Uden stedfortræder (1)", page, StringComparison.Ordinal);
        Assert.Contains("Ulla Ubekræftet</a> – Aldrig bekræftet", page, StringComparison.Ordinal);
        Assert.Contains("Sikkerhedsgodkendelse udløber inden for 90 dage (1)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_our_resources_and_partners()
    {
        var (_, ours) = await RegistryClient.PlannerAsync(app);
        using var r = await ours.PostAsJsonAsync("/api/v1/resources", new { name = "Generator", category = "Strøm" });
        using var p = await ours.PostAsJsonAsync("/api/v1/partners", new { organisationName = "Region Hovedstaden", kind = "Region" });
        var resource = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var partner = (await p.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (_, theirs) = await RegistryClient.PlannerAsync(app, OrganisationRole.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/resources/{resource}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync($"/api/v1/resources/{resource}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/partners/{partner}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"/api/v1/partners/{partner}", new { organisationName = "X", kind = "Andet" })).StatusCode);
        Assert.Equal(0, (await theirs.GetFromJsonAsync<JsonElement>("/api/v1/resources")).GetArrayLength());
        Assert.Equal(0, (await theirs.GetFromJsonAsync<JsonElement>("/api/v1/partners")).GetArrayLength());
        Assert.Equal(0, (await theirs.GetFromJsonAsync<JsonElement>("/api/v1/readiness")).GetProperty("withoutSubstitute").GetArrayLength());
    }
}
