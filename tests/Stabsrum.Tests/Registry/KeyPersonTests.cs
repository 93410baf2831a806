using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Registry;

public sealed class KeyPersonTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Theory]
    [InlineData("43 97 20 00", "+4543972000")]
    [InlineData("43972000", "+4543972000")]
    [InlineData("+45 43 97 20 00", "+4543972000")]
    [InlineData("0045 4397-2000", "+4543972000")]
    [InlineData("(+45) 43.97.20.00", "+4543972000")]
    [InlineData("+46 8 123 456 78", "+46812345678")]
    public void Phones_are_normalised_to_E164(string input, string expected) =>
        Assert.Equal((expected, null), PhoneNumber.Normalise(input, "Mobil"));

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("+45 1234 567")]
    [InlineData("03 97 20 00")]
    [InlineData("ring til Bo")]
    public void Invalid_phones_are_refused_in_Danish(string input)
    {
        var (number, error) = PhoneNumber.Normalise(input, "Mobilnummer");
        Assert.Null(number);
        Assert.StartsWith("Mobilnummer '", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_is_created_with_normalised_phones_clearance_substitute_and_role()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var role = await api.RoleAsync("Logfører");
        var sub = await api.PersonAsync("Bente Stedfortræder");

        var person = await api.CreatePersonAsync(new
        {
            name = "Anders Beredskabschef",
            title = "Beredskabschef",
            unit = "Beredskab 4K",
            mobilePhone = "20 30 40 50",
            workPhone = "+45 43 97 20 00",
            privatePhone = "60708090",
            email = "anders@4k.dk",
            hasClearance = true,
            clearanceLevel = "Hemmeligt",
            clearanceExpiresOn = "2027-06-30",
            substituteIds = new[] { sub },
            roleIds = new[] { role },
        });

        Assert.Equal("+4520304050", person.GetProperty("mobilePhone").GetString());
        Assert.Equal("+4543972000", person.GetProperty("workPhone").GetString());
        Assert.Equal("+4560708090", person.GetProperty("privatePhone").GetString());
        Assert.Equal("Hemmeligt", person.GetProperty("clearanceLevel").GetString());
        Assert.Equal("Bente Stedfortræder", person.GetProperty("substitutes")[0].GetProperty("name").GetString());
        Assert.Equal("Logfører", person.GetProperty("roles")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bad_phone_email_and_missing_clearance_level_are_refused_naming_the_field_and_nothing_is_saved()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);

        using var response = await api.PostAsJsonAsync("/api/v1/key-persons", new { name = "Ole", mobilePhone = "1234", email = "ole@", hasClearance = true });

        var errors = await RegistryClient.ErrorsAsync(response);
        Assert.Contains("8 cifre", errors.GetProperty("mobilePhone")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("gyldig e-mailadresse", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Vælg sikkerhedsgodkendelsens niveau.", errors.GetProperty("clearanceLevel")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(org.Id, (db, _) => db.KeyPersons.CountAsync()));
    }

    [Fact]
    public async Task A_substitute_loop_is_refused_directly_and_through_a_chain()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var b = await api.PersonAsync("Bo");
        var a = await api.PersonAsync("Anna", "20304050", b);
        var c = await api.PersonAsync("Carl", "20304051", a);

        using var direct = await api.PutAsJsonAsync($"/api/v1/key-persons/{b}", new { name = "Bo", substituteIds = new[] { a } });
        var errors = await RegistryClient.ErrorsAsync(direct);
        Assert.Equal("Stedfortræderne går i ring: Bo → Anna → Bo. En person kan ikke, heller ikke via andre, være stedfortræder for sig selv.", errors.GetProperty("substituteIds")[0].GetString());

        using var chain = await api.PutAsJsonAsync($"/api/v1/key-persons/{b}", new { name = "Bo", substituteIds = new[] { c } });
        Assert.Contains("Bo → Carl → Anna → Bo", (await RegistryClient.ErrorsAsync(chain)).GetProperty("substituteIds")[0].GetString(), StringComparison.Ordinal);

        using var self = await api.PutAsJsonAsync($"/api/v1/key-persons/{b}", new { name = "Bo", substituteIds = new[] { b } });
        Assert.Equal("En person kan ikke være sin egen stedfortræder.", (await RegistryClient.ErrorsAsync(self)).GetProperty("substituteIds")[0].GetString());

        var bo = await api.GetFromJsonAsync<JsonElement>($"/api/v1/key-persons/{b}");
        Assert.Equal(0, bo.GetProperty("substitutes").GetArrayLength());
    }

    [Fact]
    public void Loop_detection_is_pure_and_reports_the_path()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var graph = new Dictionary<Guid, List<Guid>> { [a] = [b], [b] = [c], [c] = [a] };
        Assert.Equal([a, b, c, a], SubstituteChain.FindLoop(graph, a));
        Assert.Null(SubstituteChain.FindLoop(new Dictionary<Guid, List<Guid>> { [a] = [b, c], [b] = [c] }, a));
    }

    [Theory]
    [InlineData(OrganisationRole.Laeser, false)]
    [InlineData(OrganisationRole.Stabsmedlem, false)]
    [InlineData(OrganisationRole.Planlaegger, true)]
    [InlineData(OrganisationRole.Administrator, true)]
    public async Task Private_phones_are_shown_only_to_planners_and_administrators_in_API_and_pages(OrganisationRole role, bool sees)
    {
        var (org, planner) = await RegistryClient.PlannerAsync(app);
        await planner.CreatePersonAsync(new { name = "Privat Person", mobilePhone = "20304050", privatePhone = "61626364" });
        var user = await app.CreateUserAsync(org, role);
        var api = await app.CreateApiClientAsync(user, org);
        var browser = await app.LoginAsync(user, org);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/key-persons");
        var page = await browser.PageAsync("/beredskab/noeglepersoner");

        Assert.Equal(sees ? "+4561626364" : null, list[0].GetProperty("privatePhone").GetString());
        Assert.Equal(!sees, list[0].GetProperty("privatePhoneHidden").GetBoolean());
        Assert.Equal(sees, page.Contains("61 62 63 64", StringComparison.Ordinal));
        Assert.Contains("20 30 40 50", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_cannot_write_key_persons()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app, OrganisationRole.Stabsmedlem);
        using var response = await api.PostAsJsonAsync("/api/v1/key-persons", new { name = "X" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Creating_twice_with_the_same_client_id_is_idempotent()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);
        var id = Guid.CreateVersion7();
        using var first = await api.PostAsJsonAsync("/api/v1/key-persons", new { id, name = "Ida" });
        using var again = await api.PostAsJsonAsync("/api/v1/key-persons", new { id, name = "Ida" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(org.Id, (db, _) => db.KeyPersons.CountAsync()));
    }

    [Fact]
    public async Task Contact_verification_is_stamped_with_the_time()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var id = await api.PersonAsync("Vera");
        using var response = await api.PostAsync($"/api/v1/key-persons/{id}/contact-verified", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var person = await api.GetFromJsonAsync<JsonElement>($"/api/v1/key-persons/{id}");
        // PostgreSQL keeps microseconds, not ticks.
        Assert.True((app.Clock.GetUtcNow() - person.GetProperty("contactVerifiedAt").GetDateTimeOffset()).Duration() < TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task GDPR_export_holds_the_persons_data_and_erasure_anonymises_them_everywhere_including_history()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);
        var sub = await api.PersonAsync("Sanne Sub");
        var id = await api.PersonAsync("Gitte Gdpr", "20304099", sub);
        var boss = await api.PersonAsync("Chef Chefsen", "20304098", id);
        using (var list = await api.PostAsJsonAsync("/api/v1/alarm-lists", new { name = "Aktivering", mode = "StopAtFirstContact", entries = new[] { new { personId = id } } }))
        {
            Assert.Equal(HttpStatusCode.Created, list.StatusCode);
        }

        using var export = await api.GetAsync($"/api/v1/key-persons/{id}/gdpr-export");
        var json = await export.Content.ReadAsStringAsync();
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Gitte Gdpr", json, StringComparison.Ordinal);
        Assert.Contains("+4520304099", json, StringComparison.Ordinal);
        Assert.Contains("Sanne Sub", json, StringComparison.Ordinal);
        Assert.Contains("Chef Chefsen", json, StringComparison.Ordinal);
        Assert.Contains("Aktivering", json, StringComparison.Ordinal);

        using var erase = await api.PostAsync($"/api/v1/key-persons/{id}/erase", null);
        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/key-persons/{id}")).StatusCode);
        var left = await app.WithDbAsync(org.Id, async (db, _) => new
        {
            Row = await db.KeyPersons.SingleAsync(p => p.Id == id),
            Entries = await db.AlarmListEntries.CountAsync(),
            Substitutes = await db.KeyPersonSubstitutes.CountAsync(s => s.PersonId == id || s.SubstituteId == id),
            Trail = await db.AuditTrail.Where(a => a.OrganisationId == org.Id).Select(a => a.Changes).ToListAsync(),
        });
        Assert.Equal(KeyPersonChanges.ErasedName, left.Row.Name);
        Assert.Null(left.Row.MobilePhone);
        Assert.NotNull(left.Row.ErasedAt);
        Assert.Equal(0, left.Entries);
        Assert.Equal(0, left.Substitutes);
        Assert.DoesNotContain(left.Trail, c => c.Contains("Gitte", StringComparison.Ordinal) || c.Contains("20304099", StringComparison.Ordinal));
        Assert.Contains(left.Trail, c => c.Contains("Chef Chefsen", StringComparison.Ordinal));
        _ = boss;
    }

    [Fact]
    public async Task A_person_on_an_alarm_list_cannot_be_deleted_until_taken_off()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var id = await api.PersonAsync("Lise Liste");
        using var list = await api.PostAsJsonAsync("/api/v1/alarm-lists", new { name = "Liste", mode = "StopAtFirstContact", entries = new[] { new { personId = id } } });

        using var delete = await api.DeleteAsync($"/api/v1/key-persons/{id}");
        var errors = await RegistryClient.ErrorsAsync(delete);
        Assert.Contains("alarmeringslisten 'Liste'", errors.GetProperty("person")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisation_gets_404_and_sees_none_of_our_persons()
    {
        var (_, ours) = await RegistryClient.PlannerAsync(app);
        var id = await ours.PersonAsync("Hemmelig Hansen");
        var (_, theirs) = await RegistryClient.PlannerAsync(app, OrganisationRole.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/key-persons/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"/api/v1/key-persons/{id}", new { name = "Kapret" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/key-persons/{id}/gdpr-export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync($"/api/v1/key-persons/{id}/erase", null)).StatusCode);
        Assert.Equal(0, (await theirs.GetFromJsonAsync<JsonElement>("/api/v1/key-persons")).GetArrayLength());
        using var sub = await theirs.PostAsJsonAsync("/api/v1/key-persons", new { name = "Ny", substituteIds = new[] { id } });
        Assert.Equal(HttpStatusCode.BadRequest, sub.StatusCode);
    }

    [Fact]
    public async Task A_planner_adds_a_person_with_a_substitute_through_the_pages()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var browser = await app.LoginAsync(planner, org);
        var api = await app.CreateApiClientAsync(planner, org);
        var sub = await api.PersonAsync("Side Stedfortræder");

        using var bad = await StabsrumFactory.PostFormAsync(browser, "/beredskab/noeglepersoner/ny", new Dictionary<string, string> { ["Input.Name"] = "Page Person", ["Input.MobilePhone"] = "12" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("et dansk nummer har 8 cifre", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var ok = await StabsrumFactory.PostFormAsync(browser, "/beredskab/noeglepersoner/ny", new Dictionary<string, string>
        {
            ["Input.Name"] = "Page Person",
            ["Input.MobilePhone"] = "20 30 40 77",
            ["Input.Substitutes[0]"] = sub.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var list = await browser.PageAsync("/beredskab/noeglepersoner");
        Assert.Contains("Page Person", list, StringComparison.Ordinal);
        Assert.Contains("Side Stedfortræder", list, StringComparison.Ordinal);
    }
}
