using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Situation;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.Situation;

/// <summary>Situation pictures through the API: draft → published, versions, diff, seeding from what was logged since.</summary>
public sealed class SituationPictureTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task A_draft_is_published_into_the_log_and_the_next_draft_starts_from_it_with_what_was_logged_since()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.AdminApi);
        var v1 = await StartDraftAsync(s.AdminApi, incident);
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        await UpdateAsync(s.AdminApi, incident, v1, new { overall = "Skybrud i Midtbyen.\nKældre oversvømmet.", resourcesCommitted = "2 pumper", units = new[] { new { unit = "Vej og park", text = "Veje lukket" } } });
        var published = await PublishAsync(s.AdminApi, incident, v1);
        Assert.Equal("Offentliggjort", published.GetProperty("status").GetString());

        var log = await LogAsync(s.AdminApi, incident);
        Assert.Contains(log, e => e.GetProperty("text").GetString()!.StartsWith("Situationsbillede version 1 offentliggjort.", StringComparison.Ordinal)
            && e.GetProperty("id").GetGuid() == published.GetProperty("publishedEntryId").GetGuid());

        // Logged since version 1: a decision, an order, a level change, a unit report, and plain information (not offered).
        var decision = await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Beslutning", text = "Evakuér Skolevej", decidedBy = "Stabschef", rationale = "Vand stiger" });
        var order = await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Ordre", text = "Sandsække til Skolevej", recipient = "Materielgården" });
        await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Kaffe er klar" });
        using (var level = await s.AdminApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 1, reason = "Flere kældre" })))
        {
            Assert.Equal(HttpStatusCode.OK, level.StatusCode);
        }

        var reportId = Guid.NewGuid();
        using (var report = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/unit-reports", Json(new { id = reportId, unit = "Vej og park", situation = "Tunnel under banen lukket" })))
        {
            Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        }

        var since = await GetJsonAsync(s.AdminApi, $"/api/v1/incidents/{incident}/situation-pictures/since");
        var items = since.EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal(["Beslutning", "Ordre", "Beslutning", "MeldingInd"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.True(items[2].GetProperty("isLevelChange").GetBoolean());
        Assert.Equal("Vej og park", items[3].GetProperty("unit").GetString());

        // The author picks the decision and the unit report (not the order or the level change).
        var v2 = await StartDraftAsync(s.AdminApi, incident, decision.GetProperty("id").GetGuid(), reportId);
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal("Skybrud i Midtbyen.\nKældre oversvømmet.", v2.GetProperty("overall").GetString());
        Assert.Equal("2 pumper", v2.GetProperty("resourcesCommitted").GetString());
        var decisions = v2.GetProperty("decisions").GetString()!;
        Assert.Contains("Evakuér Skolevej", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandsække", decisions, StringComparison.Ordinal);
        var unit = v2.GetProperty("units").EnumerateArray().Single();
        Assert.Equal("Vej og park", unit.GetProperty("unit").GetString());
        Assert.Contains("Veje lukket", unit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Tunnel under banen lukket", unit.GetProperty("text").GetString(), StringComparison.Ordinal);

        // Only one draft at a time; an order not in the "since" list is refused.
        using (var second = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/situation-pictures", Json(new { id = Guid.NewGuid() })))
        {
            await ProblemAsync(second, HttpStatusCode.Conflict);
        }

        await UpdateAsync(s.AdminApi, incident, v2, new { overall = "Skybrud i Midtbyen.\nVandet falder.", resourcesCommitted = "2 pumper", decisions, units = new[] { new { unit = "Vej og park", text = "Tunnel åben igen" } } });
        await PublishAsync(s.AdminApi, incident, v2);

        var diff = await GetJsonAsync(s.AdminApi, $"/api/v1/incidents/{incident}/situation-pictures/compare?from={v1.GetProperty("id").GetGuid()}&to={v2.GetProperty("id").GetGuid()}");
        var sections = diff.GetProperty("sections").EnumerateArray().ToDictionary(x => x.GetProperty("key").GetString()!);
        Assert.True(sections["overall"].GetProperty("changed").GetBoolean());
        Assert.False(sections["resourcesCommitted"].GetProperty("changed").GetBoolean());
        var lines = sections["overall"].GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("text").GetString())).ToList();
        Assert.Equal([("Same", "Skybrud i Midtbyen."), ("Removed", "Kældre oversvømmet."), ("Added", "Vandet falder.")], lines);
        Assert.True(sections["unit:Vej og park"].GetProperty("changed").GetBoolean());

        // A published version can't be changed; the since-list is empty again.
        using (var change = await s.AdminApi.PutAsync($"/api/v1/incidents/{incident}/situation-pictures/{v1.GetProperty("id").GetGuid()}", Json(new { overall = "Ændret" })))
        {
            await ProblemAsync(change, HttpStatusCode.Conflict);
        }

        Assert.Empty((await GetJsonAsync(s.AdminApi, $"/api/v1/incidents/{incident}/situation-pictures/since")).EnumerateArray());
    }

    [Fact]
    public async Task Markdown_and_print_view_of_a_version()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.AdminApi, "Storm i Vallensbæk");
        var v1 = await StartDraftAsync(s.AdminApi, incident);
        await UpdateAsync(s.AdminApi, incident, v1, new { overall = "Stormen topper kl. 18.", communication = "Pressemeddelelse udsendt" });
        await PublishAsync(s.AdminApi, incident, v1);
        var id = v1.GetProperty("id").GetGuid();

        using var md = await s.AdminApi.GetAsync($"/api/v1/incidents/{incident}/situation-pictures/{id}/markdown");
        var text = await md.Content.ReadAsStringAsync();
        Assert.Equal("text/markdown", md.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# Situationsbillede version 1: Storm i Vallensbæk", text, StringComparison.Ordinal);
        Assert.Contains("## Krisekommunikation\n\nPressemeddelelse udsendt", text, StringComparison.Ordinal);
        Assert.Matches(@"Offentliggjort \d\d\.\d\d\.\d{4} \d\d:\d\d \+0[12]:00", text);

        var browser = await app.LoginAsync(s.Admin, s.Org);
        var page = await browser.GetStringAsync($"/haendelser/{incident}/situationsbillede/{id}");
        Assert.Contains("Stormen topper kl. 18.", page, StringComparison.Ordinal);
        var list = await browser.GetStringAsync($"/haendelser/{incident}/situationsbillede");
        Assert.Contains("Version 1", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_problem_details_and_nothing_is_saved()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.AdminApi);
        using (var noId = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/situation-pictures", Json(new { })))
        {
            await ProblemAsync(noId, HttpStatusCode.BadRequest);
        }

        using (var unknown = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/situation-pictures", Json(new { id = Guid.NewGuid(), include = new[] { Guid.NewGuid() } })))
        {
            var problem = await ProblemAsync(unknown, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("include", out _));
        }

        var draft = await StartDraftAsync(s.AdminApi, incident);
        using (var tooLong = await s.AdminApi.PutAsync($"/api/v1/incidents/{incident}/situation-pictures/{draft.GetProperty("id").GetGuid()}", Json(new { overall = new string('x', 8001), units = new[] { new { unit = "A", text = "1" }, new { unit = "a", text = "2" } } })))
        {
            var problem = await ProblemAsync(tooLong, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("overall", out _));
            Assert.True(problem.GetProperty("errors").TryGetProperty("units", out _));
        }

        using (var empty = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/situation-pictures/{draft.GetProperty("id").GetGuid()}/publish", Json(new { })))
        {
            await ProblemAsync(empty, HttpStatusCode.BadRequest);
        }

        using (var malformed = await s.AdminApi.PutAsync($"/api/v1/incidents/{incident}/situation-pictures/{draft.GetProperty("id").GetGuid()}", RawJson("{\"overall\": 12")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        var stored = await app.WithDbAsync(s.Org.Id, (db, _) => db.SituationPictures.SingleAsync(p => p.IncidentId == incident));
        Assert.Equal("", stored.Overall);
        Assert.Equal(SituationStatus.Kladde, stored.Status);
        Assert.Equal(0, await app.WithDbAsync(s.Org.Id, (db, _) => db.SituationUnitSections.CountAsync()));
    }

    [Fact]
    public async Task Another_organisation_sees_nothing_and_a_reader_cannot_write()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.AdminApi);
        var draft = await StartDraftAsync(s.AdminApi, incident);
        var other = await SetUpAsync(app);
        using (var get = await other.AdminApi.GetAsync($"/api/v1/incidents/{incident}/situation-pictures/{draft.GetProperty("id").GetGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }

        using (var start = await other.AdminApi.PostAsync($"/api/v1/incidents/{incident}/situation-pictures", Json(new { id = Guid.NewGuid() })))
        {
            Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        }

        using (var publish = await other.AdminApi.PostAsync($"/api/v1/incidents/{incident}/situation-pictures/{draft.GetProperty("id").GetGuid()}/publish", Json(new { })))
        {
            Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
        }

        var reader = await app.CreateUserAsync(s.Org, OrganisationRole.Laeser);
        var readerApi = await app.CreateApiClientAsync(reader, s.Org);
        using var denied = await readerApi.PostAsync($"/api/v1/incidents/{incident}/situation-pictures/{draft.GetProperty("id").GetGuid()}/publish", Json(new { }));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public void The_line_diff_marks_kept_added_and_removed_lines()
    {
        var lines = SituationDiff.Lines("a\nb\nc", "a\nc\nd");
        Assert.Equal([(DiffKind.Same, "a"), (DiffKind.Removed, "b"), (DiffKind.Same, "c"), (DiffKind.Added, "d")], lines.Select(l => (l.Kind, l.Text)));
        Assert.Empty(SituationDiff.Lines("", ""));
    }

    internal static async Task<JsonElement> StartDraftAsync(HttpClient api, Guid incident, params Guid[] include)
    {
        using var response = await api.PostAsync($"/api/v1/incidents/{incident}/situation-pictures", Json(new { id = Guid.CreateVersion7(), include }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task UpdateAsync(HttpClient api, Guid incident, JsonElement picture, object body)
    {
        using var response = await api.PutAsync($"/api/v1/incidents/{incident}/situation-pictures/{picture.GetProperty("id").GetGuid()}", Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    internal static async Task<JsonElement> PublishAsync(HttpClient api, Guid incident, JsonElement picture)
    {
        using var response = await api.PostAsync($"/api/v1/incidents/{incident}/situation-pictures/{picture.GetProperty("id").GetGuid()}/publish", Json(new { }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
