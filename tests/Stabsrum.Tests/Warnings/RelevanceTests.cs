using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Warnings;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Warnings;

/// <summary>Areas decide relevance; relevant new warnings reach the overview and the duty person's outbox.</summary>
public sealed class RelevanceTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task A_matching_EMMA_ID_makes_a_warning_relevant_and_others_not()
    {
        var (org, api) = await PlannerAsync();
        await AddAreaAsync(api, new { name = "Nordirland", geocodes = new[] { new { valueName = "emma_id", value = "uk108" } } });

        var uk = await WarningsApiTests.CreatedAsync(api, Future("meteoalarm/uk_nothern_ireland_sample_detail.xml"));
        var france = await WarningsApiTests.CreatedAsync(api, CapCorpus.Bytes("meteoalarm/france_sample_detail.xml"));

        Assert.True(uk.GetProperty("isRelevant").GetBoolean());
        Assert.Contains("EMMA_ID=UK108", uk.GetProperty("relevanceReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("Nordirland", uk.GetProperty("relevanceReason").GetString(), StringComparison.Ordinal);
        Assert.False(france.GetProperty("isRelevant").GetBoolean());
        _ = org;
    }

    [Fact]
    public async Task A_CAP_polygon_or_circle_touching_an_area_polygon_makes_it_relevant()
    {
        var (_, api) = await PlannerAsync();

        // Around Windsor, Ontario (canada.cap's polygon) and around the Tonga earthquake circle (earthquake.cap).
        await AddAreaAsync(api, new { name = "Windsor", polygon = "42.30,-83.05 42.30,-82.95 42.25,-82.95 42.25,-83.05 42.30,-83.05" });
        await AddAreaAsync(api, new { name = "Vava'u", polygon = "-16.0,-173.3 -16.0,-173.2 -16.1,-173.2 -16.1,-173.3 -16.0,-173.3" });

        var canada = await WarningsApiTests.CreatedAsync(api, CapCorpus.Bytes("canada.cap"));
        var quake = await WarningsApiTests.CreatedAsync(api, CapCorpus.Bytes("earthquake.cap"));
        var australia = await WarningsApiTests.CreatedAsync(api, CapCorpus.Bytes("australia.cap"));

        Assert.Contains("polygon", canada.GetProperty("relevanceReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("cirkel", quake.GetProperty("relevanceReason").GetString(), StringComparison.Ordinal);
        Assert.False(australia.GetProperty("isRelevant").GetBoolean());
    }

    [Fact]
    public async Task Adding_an_area_reevaluates_untriaged_warnings()
    {
        var (org, api) = await PlannerAsync();
        var uk = await WarningsApiTests.CreatedAsync(api, Future("meteoalarm/uk_nothern_ireland_sample_detail.xml"));
        Assert.False(uk.GetProperty("isRelevant").GetBoolean());

        await AddAreaAsync(api, new { name = "Wales", geocodes = new[] { new { valueName = "EMMA_ID", value = "UK117" } } });

        var relevant = await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.Select(w => w.IsRelevant).SingleAsync());
        Assert.True(relevant);
    }

    [Fact]
    public async Task Area_input_is_validated_in_Danish()
    {
        var (_, api) = await PlannerAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/warnings/areas", new { name = "", polygon = "55,12 56,12 55,12" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Navn skal udfyldes.", errors.GetProperty("name")[0].GetString());
        Assert.Contains("mindst fire", errors.GetProperty("polygon")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_relevant_warning_is_on_the_overview_and_in_the_duty_outbox_once()
    {
        var (org, api) = await PlannerAsync();
        using (var duty = await api.PutAsJsonAsync("/api/v1/warnings/settings", new { dutyEmail = "vagt@vallensbaek.dk" }))
        {
            Assert.Equal(HttpStatusCode.OK, duty.StatusCode);
        }

        await AddAreaAsync(api, new { name = "Nordirland", geocodes = new[] { new { valueName = "EMMA_ID", value = "UK108" } } });
        var xml = Future("meteoalarm/uk_nothern_ireland_sample_detail.xml");

        var created = await WarningsApiTests.CreatedAsync(api, xml);
        using var again = await WarningsApiTests.PostCapAsync(api, xml);
        await WarningsApiTests.CreatedAsync(api, CapCorpus.Bytes("meteoalarm/france_sample_detail.xml"));

        var notifications = await app.WithDbAsync(org.Id, async (db, _) => await db.WarningNotifications.ToListAsync());
        var notification = Assert.Single(notifications);
        Assert.Equal("vagt@vallensbaek.dk", notification.Recipient);
        Assert.Equal(created.GetProperty("id").GetGuid(), notification.WarningId);
        Assert.Contains("Some disruption is likely", notification.Subject, StringComparison.Ordinal);
        Assert.Contains("Gul – vær opmærksom (Sne og is)", notification.Body, StringComparison.Ordinal);
        Assert.Null(notification.SentAt);

        var browser = await app.LoginAsync(_user!, _org!);
        var overview = WebUtility.HtmlDecode(await browser.GetStringAsync("/"));
        Assert.Contains("Nye varsler", overview, StringComparison.Ordinal);
        Assert.Contains("Some disruption is likely due to icy surfaces.", overview, StringComparison.Ordinal);
        Assert.Contains("Gul – vær opmærksom", overview, StringComparison.Ordinal);

        using var dismissed = await api.PostAsJsonAsync($"/api/v1/warnings/{created.GetProperty("id").GetGuid()}/dismiss", new { reason = "Gælder ikke os" });
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        Assert.Contains("Ingen nye relevante varsler", WebUtility.HtmlDecode(await browser.GetStringAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_duty_email_is_validated()
    {
        var (_, api) = await PlannerAsync();

        using var response = await api.PutAsJsonAsync("/api/v1/warnings/settings", new { dutyEmail = "ikke en adresse" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ikke en gyldig e-mailadresse", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A corpus alert moved into the future, so it has not expired on the test clock.</summary>
    private byte[] Future(string file)
    {
        var later = app.Clock.GetUtcNow().AddDays(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "+00:00";
        var xml = Encoding.UTF8.GetString(CapCorpus.Bytes(file));
        xml = System.Text.RegularExpressions.Regex.Replace(xml, "<expires>[^<]+</expires>", $"<expires>{later}</expires>");
        return Encoding.UTF8.GetBytes(xml);
    }

    private TestOrganisation? _org;
    private TestUser? _user;

    private async Task<(TestOrganisation Org, HttpClient Api)> PlannerAsync()
    {
        _org = await app.CreateOrganisationAsync();
        _user = await app.CreateUserAsync(_org, OrganisationRole.Planlaegger);
        return (_org, await app.CreateApiClientAsync(_user, _org));
    }

    private static async Task AddAreaAsync(HttpClient api, object area)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/warnings/areas", area);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
