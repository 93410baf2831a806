using System.Net;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.CrisisLog;

/// <summary>A fortrolig entry's content never reaches a member without clearance: not by API, search, stream, page or print.</summary>
public sealed class RedactionTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private const string Secret = "Kodeord-Hvidløg-7731";

    private async Task<(CrisisSetup Setup, Guid Incident, Guid EntryId)> ConfidentialEntryAsync()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var entry = await AppendOkAsync(s.AdminApi, incident, new
        {
            id = Guid.NewGuid(),
            kind = "Beslutning",
            text = $"Personfølsomt: {Secret}",
            classification = "Fortrolig",
            decidedBy = $"Stabschef {Secret}",
            rationale = $"Fordi {Secret}",
        });
        return (s, incident, entry.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_api_shows_that_the_entry_exists_but_not_its_content()
    {
        var (s, incident, id) = await ConfidentialEntryAsync();

        var body = await s.StaffApi.GetStringAsync($"/api/v1/incidents/{incident}/log");
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        var entry = (await LogAsync(s.StaffApi, incident)).Single(e => e.GetProperty("id").GetGuid() == id);
        Assert.True(entry.GetProperty("redacted").GetBoolean());
        Assert.Equal("Beslutning", entry.GetProperty("kind").GetString());

        Assert.Contains(Secret, await s.AdminApi.GetStringAsync($"/api/v1/incidents/{incident}/log"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_does_not_reveal_the_content_by_matching_it()
    {
        var (s, incident, _) = await ConfidentialEntryAsync();
        Assert.Empty(await LogAsync(s.StaffApi, incident, $"?q={Secret}"));
        Assert.Empty(await LogAsync(s.StaffApi, incident, "?q=Personfølsomt"));
        Assert.Single(await LogAsync(s.AdminApi, incident, $"?q={Secret}"));
    }

    [Fact]
    public async Task The_live_stream_and_its_replay_carry_the_redacted_entry()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var staffListener = await app.CreateApiClientAsync(s.Staff, s.Org);
        var adminListener = await app.CreateApiClientAsync(s.Admin, s.Org);
        using var staffStream = await SseReader.OpenAsync(staffListener, $"/api/v1/incidents/{incident}/events");
        using var adminStream = await SseReader.OpenAsync(adminListener, $"/api/v1/incidents/{incident}/events");

        await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = $"Live {Secret}", classification = "Fortrolig" });

        var redacted = await staffStream.NextAsync(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(Secret, redacted.Data, StringComparison.Ordinal);
        Assert.Contains("\"redacted\":true", redacted.Data, StringComparison.Ordinal);
        Assert.Contains(Secret, (await adminStream.NextAsync(TimeSpan.FromSeconds(5))).Data, StringComparison.Ordinal);

        using var replay = await SseReader.OpenAsync(staffListener, $"/api/v1/incidents/{incident}/events", lastEventId: "0");
        var first = await replay.NextAsync(TimeSpan.FromSeconds(5));
        var second = await replay.NextAsync(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(Secret, first.Data + second.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_without_clearance_cannot_write_a_confidential_entry()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        using var response = await AppendAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "x", classification = "Fortrolig" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
