using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Warnings;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Warnings;

/// <summary>The CAP endpoint and the warning API through HTTP on a real database.</summary>
public sealed class WarningsApiTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    public static TheoryData<string> Valid => new(CapCorpus.ValidAlerts);

    public static TheoryData<string, string> Invalid
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (file, names) in CapCorpus.InvalidAlerts)
            {
                data.Add(file, names);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task Each_valid_corpus_alert_is_stored_once_with_its_original(string file)
    {
        var (org, api) = await OperatorAsync();
        var bytes = CapCorpus.Bytes(file);

        using var first = await PostCapAsync(api, bytes);
        using var second = await PostCapAsync(api, bytes);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        var (count, xml) = await app.WithDbAsync(org.Id, async (db, _) =>
            (await db.Warnings.CountAsync(), await db.WarningDocuments.Select(d => d.Xml).SingleAsync()));
        Assert.Equal(1, count);
        Assert.Contains(created.GetProperty("identifier").GetString()!, xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_fields_are_spot_checked()
    {
        var (org, api) = await OperatorAsync();

        var uk = await CreatedAsync(api, CapCorpus.Bytes("meteoalarm/uk_nothern_ireland_sample_detail.xml"));
        var quake = await CreatedAsync(api, CapCorpus.Bytes("earthquake-iso8859-1.cap"));
        var weather = await CreatedAsync(api, CapCorpus.Bytes("weather.cap"));

        Assert.Equal("2.49.0.0.826.0.GB_221207102835_a705d176.v1.0.SI", uk.GetProperty("identifier").GetString());
        Assert.Equal("Yellow", uk.GetProperty("awarenessLevel").GetString());
        Assert.Equal("Gul – vær opmærksom", uk.GetProperty("awarenessLevelText").GetString());
        Assert.Equal("Sne og is", uk.GetProperty("awarenessTypeText").GetString());
        Assert.Equal("Some disruption is likely due to icy surfaces.", uk.GetProperty("headline").GetString());
        Assert.Contains("Northern Ireland", uk.GetProperty("areaDescription").GetString(), StringComparison.Ordinal);
        Assert.Equal("Expired", uk.GetProperty("state").GetString());
        Assert.Equal(new DateTimeOffset(2022, 12, 9, 12, 0, 0, TimeSpan.Zero), uk.GetProperty("expires").GetDateTimeOffset());
        Assert.Equal("EQ 4.6 Usulután, Usulután, El Salvador - PRELIMINARY REPORT", quake.GetProperty("headline").GetString());
        Assert.Equal(new DateTimeOffset(2010, 8, 30, 10, 7, 0, TimeSpan.Zero), weather.GetProperty("sent").GetDateTimeOffset());
        Assert.Equal("Severe", weather.GetProperty("severity").GetString());

        using var detail = await api.GetAsync($"/api/v1/warnings/{uk.GetProperty("id").GetGuid()}");
        var cap = (await detail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cap");
        Assert.Equal(10, cap.GetProperty("infos")[0].GetProperty("areas").GetArrayLength());
        using var original = await api.GetAsync($"/api/v1/warnings/{uk.GetProperty("id").GetGuid()}/cap");
        Assert.Equal("application/cap+xml", original.Content.Headers.ContentType?.MediaType);
        Assert.Contains("UK108", await original.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _ = org;
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Each_broken_corpus_alert_is_refused_naming_the_problem_and_nothing_is_stored(string file, string names)
    {
        var (org, api) = await OperatorAsync();
        var auditBefore = await AuditCountAsync(org.Id);

        using var response = await PostCapAsync(api, CapCorpus.Bytes(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty("cap").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(names, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.CountAsync() + await db.WarningDocuments.CountAsync()));
        Assert.Equal(auditBefore, await AuditCountAsync(org.Id));
    }

    [Theory]
    [InlineData("application/cap+xml")]
    [InlineData("application/xml")]
    [InlineData("text/xml")]
    public async Task The_cap_media_types_are_accepted(string mediaType)
    {
        var (_, api) = await OperatorAsync();
        using var content = new ByteArrayContent(CapCorpus.Bytes("canada.cap"));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };

        using var response = await api.PostAsync("/api/v1/warnings/cap", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json", "{\"identifier\":\"x\"}")]
    [InlineData("text/plain", "<alert/>")]
    public async Task Other_media_types_get_415_problem(string mediaType, string body)
    {
        var (_, api) = await OperatorAsync();

        using var response = await api.PostAsync("/api/v1/warnings/cap", new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Oversize_xml_is_refused_with_413()
    {
        var (_, api) = await OperatorAsync();
        var xml = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><note>" + new string('x', 1_100_000) + "</note></alert>";

        using var response = await api.PostAsync("/api/v1/warnings/cap", new StringContent(xml, Encoding.UTF8, "application/cap+xml"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Update_and_cancel_link_to_the_alerts_they_reference_in_either_order()
    {
        var (org, api) = await OperatorAsync();
        var original = Encoding.UTF8.GetString(CapCorpus.Bytes("meteoalarm/uk_nothern_ireland_sample_detail.xml"));
        const string Sender = "https://www.metoffice.gov.uk/weather/warnings-and-advice/uk-warnings";
        var update = Derived(original, "UPD-1", "2022-12-07T11:00:00+00:00", "Update", $"{Sender},2.49.0.0.826.0.GB_221207102835_a705d176.v1.0.SI,2022-12-07T10:28:35+00:00");
        var cancel = Derived(original, "CAN-1", "2022-12-07T12:00:00+00:00", "Cancel", $"{Sender},UPD-1,2022-12-07T11:00:00+00:00");

        // The update arrives before the alert it updates; the cancel after the update.
        var u = await CreatedAsync(api, Encoding.UTF8.GetBytes(update));
        var a = await CreatedAsync(api, Encoding.UTF8.GetBytes(original));
        var c = await CreatedAsync(api, Encoding.UTF8.GetBytes(cancel));

        Assert.Equal(u.GetProperty("id").GetGuid(), (await GetAsync(api, a)).GetProperty("supersededById").GetGuid());
        Assert.Equal("Superseded", (await GetAsync(api, a)).GetProperty("state").GetString());
        var updated = await GetAsync(api, u);
        Assert.Equal(c.GetProperty("id").GetGuid(), updated.GetProperty("cancelledById").GetGuid());
        Assert.Equal("Cancelled", updated.GetProperty("state").GetString());
        Assert.Equal(a.GetProperty("id").GetGuid(), updated.GetProperty("references")[0].GetProperty("warningId").GetGuid());
        Assert.Equal(u.GetProperty("id").GetGuid(), c.GetProperty("references")[0].GetProperty("warningId").GetGuid());
        _ = org;
    }

    [Fact]
    public async Task A_warning_that_has_not_expired_is_active_and_one_past_expires_is_shown_expired()
    {
        var (_, api) = await OperatorAsync();
        var now = app.Clock.GetUtcNow();
        var xml = Encoding.UTF8.GetString(CapCorpus.Bytes("meteoalarm/uk_nothern_ireland_sample_detail.xml"))
            .Replace("<expires>2022-12-09T12:00:00+00:00</expires>", $"<expires>{now.AddHours(3).UtcDateTime:yyyy-MM-ddTHH:mm:ss}+00:00</expires>", StringComparison.Ordinal);

        var created = await CreatedAsync(api, Encoding.UTF8.GetBytes(xml));
        var expired = await CreatedAsync(api, CapCorpus.Bytes("canada.cap"));

        Assert.Equal("Active", created.GetProperty("state").GetString());
        Assert.Equal("Expired", expired.GetProperty("state").GetString());
        var browser = await LoginOperatorBrowserAsync(api);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/haendelser/varsler/{created.GetProperty("id").GetGuid()}"));
        Assert.Contains(">aktiv<", page, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await browser.GetStringAsync("/haendelser/varsler?alle=true"));
        Assert.Contains(">udløbet<", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manual_warning_is_recorded_once_per_client_id_and_validated_in_Danish()
    {
        var (org, api) = await OperatorAsync();
        var id = Guid.CreateVersion7();
        var body = new { id, source = "Politiet, telefon", text = "Gasudslip ved Vallensbæk Station.\nAfspærring.", receivedAt = app.Clock.GetUtcNow().AddMinutes(-5), receivedBy = "Vagthavende" };

        using var first = await api.PostAsJsonAsync("/api/v1/warnings", body);
        using var second = await api.PostAsJsonAsync("/api/v1/warnings", body);
        using var invalid = await api.PostAsJsonAsync("/api/v1/warnings", new { source = "", text = "" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Gasudslip ved Vallensbæk Station.", created.GetProperty("headline").GetString());
        Assert.True(created.GetProperty("isRelevant").GetBoolean());
        Assert.Equal("Manual", created.GetProperty("origin").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Kilde skal udfyldes.", errors.GetProperty("source")[0].GetString());
        Assert.Equal("Tekst skal udfyldes.", errors.GetProperty("text")[0].GetString());
        Assert.True(errors.TryGetProperty("receivedAt", out _));
        Assert.Equal(1, await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.CountAsync()));
    }

    [Fact]
    public async Task Dismissing_needs_a_reason_and_records_who_and_when()
    {
        var (_, api) = await OperatorAsync();
        var manual = await (await api.PostAsJsonAsync("/api/v1/warnings", new { source = "Borger", text = "Vand på vejen", receivedAt = app.Clock.GetUtcNow() })).Content.ReadFromJsonAsync<JsonElement>();
        var id = manual.GetProperty("id").GetGuid();

        using var noReason = await api.PostAsJsonAsync($"/api/v1/warnings/{id}/dismiss", new { reason = " " });
        using var dismissed = await api.PostAsJsonAsync($"/api/v1/warnings/{id}/dismiss", new { reason = "Kommunens vejafdeling har det." });
        using var twice = await api.PostAsJsonAsync($"/api/v1/warnings/{id}/dismiss", new { reason = "Igen" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Begrundelse skal udfyldes.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var after = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}")).GetProperty("warning");
        Assert.Equal("Dismissed", after.GetProperty("triage").GetString());
        Assert.Equal("Kommunens vejafdeling har det.", after.GetProperty("triageReason").GetString());
        Assert.False(string.IsNullOrEmpty(after.GetProperty("triagedBy").GetString()));
        Assert.Equal(JsonValueKind.String, after.GetProperty("triagedAt").ValueKind);
    }

    [Fact]
    public async Task Another_organisation_sees_none_of_our_warnings_and_gets_404_for_their_ids()
    {
        var (ours, api) = await OperatorAsync();
        var created = await CreatedAsync(api, CapCorpus.Bytes("australia.cap"));
        var id = created.GetProperty("id").GetGuid();
        var theirs = await app.CreateOrganisationAsync();
        var intruder = await app.CreateApiClientAsync(await app.CreateUserAsync(theirs, OrganisationRole.Administrator), theirs);

        Assert.Empty(await intruder.GetFromJsonAsync<JsonElement[]>("/api/v1/warnings") ?? []);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/warnings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/warnings/{id}/cap")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsJsonAsync($"/api/v1/warnings/{id}/dismiss", new { reason = "kapret" })).StatusCode);

        // The same alert posted by them is theirs: dedup is per organisation.
        using var theirCopy = await PostCapAsync(intruder, CapCorpus.Bytes("australia.cap"));
        Assert.Equal(HttpStatusCode.Created, theirCopy.StatusCode);
        var ourTriage = await app.WithDbAsync(ours.Id, async (db, _) => await db.Warnings.Select(w => w.Triage).SingleAsync());
        Assert.Equal(TriageOutcome.Untriaged, ourTriage);
    }

    [Fact]
    public async Task A_reader_may_list_but_not_post()
    {
        var org = await app.CreateOrganisationAsync();
        var reader = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Laeser), org);

        using var post = await PostCapAsync(reader, CapCorpus.Bytes("canada.cap"));
        using var list = await reader.GetAsync("/api/v1/warnings");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    internal static string Derived(string xml, string identifier, string sent, string msgType, string references) =>
        xml.Replace("<identifier>2.49.0.0.826.0.GB_221207102835_a705d176.v1.0.SI</identifier>", $"<identifier>{identifier}</identifier>", StringComparison.Ordinal)
            .Replace("<sent>2022-12-07T10:28:35+00:00</sent>", $"<sent>{sent}</sent>", StringComparison.Ordinal)
            .Replace("<msgType>Alert</msgType>", $"<msgType>{msgType}</msgType>", StringComparison.Ordinal)
            .Replace("<scope>Public</scope>", $"<scope>Public</scope>\n\t<references>{references}</references>", StringComparison.Ordinal);

    internal static async Task<HttpResponseMessage> PostCapAsync(HttpClient api, byte[] xml)
    {
        var content = new ByteArrayContent(xml);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cap+xml");
        return await api.PostAsync("/api/v1/warnings/cap", content);
    }

    internal static async Task<JsonElement> CreatedAsync(HttpClient api, byte[] xml)
    {
        using var response = await PostCapAsync(api, xml);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> GetAsync(HttpClient api, JsonElement warning) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{warning.GetProperty("id").GetGuid()}")).GetProperty("warning");

    private TestOrganisation? _lastOrg;
    private TestUser? _lastUser;

    private async Task<(TestOrganisation Org, HttpClient Api)> OperatorAsync()
    {
        _lastOrg = await app.CreateOrganisationAsync();
        _lastUser = await app.CreateUserAsync(_lastOrg, OrganisationRole.Stabsmedlem);
        return (_lastOrg, await app.CreateApiClientAsync(_lastUser, _lastOrg));
    }

    private Task<HttpClient> LoginOperatorBrowserAsync(HttpClient _) => app.LoginAsync(_lastUser!, _lastOrg!);

    private Task<int> AuditCountAsync(Guid orgId) =>
        app.WithDbAsync(null, async (db, _) => await db.AuditTrail.CountAsync(a => a.OrganisationId == orgId));
}
