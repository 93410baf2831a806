using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.CrisisLog;

/// <summary>Writing the crisis log through the API: kinds and their rules, idempotency, corrections, times.</summary>
public sealed class CrisisLogApiTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task An_entry_is_stored_with_both_times_and_a_retry_with_the_same_id_returns_the_stored_entry()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var id = Guid.NewGuid();
        var occurred = app.Clock.GetUtcNow().AddHours(-2);
        var entry = new { id, kind = "MeldingInd", text = "Politiet melder vand på vejen", occurredAt = occurred, significant = true };

        var created = await AppendOkAsync(s.StaffApi, incident, entry);
        Assert.Equal(id, created.GetProperty("id").GetGuid());
        Assert.Equal(2, created.GetProperty("sequence").GetInt64()); // 1 is "hændelse oprettet"
        Assert.Equal(LogChain.Truncate(occurred), created.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(LogChain.Truncate(app.Clock.GetUtcNow()), created.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.True(created.GetProperty("significant").GetBoolean());

        using (var retry = await AppendAsync(s.StaffApi, incident, entry))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal(created.GetProperty("hash").GetString(), (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hash").GetString());
        }

        using (var different = await AppendAsync(s.StaffApi, incident, entry with { text = "Noget andet" }))
        {
            var problem = await ProblemAsync(different, HttpStatusCode.Conflict);
            Assert.Equal("Konflikt", problem.GetProperty("title").GetString());
        }

        Assert.Equal(2, (await LogAsync(s.StaffApi, incident)).Count);
        Assert.True((await VerifyAsync(s.StaffApi, incident)).GetProperty("intact").GetBoolean());
    }

    public static TheoryData<string, string, string> BadEntries => new()
    {
        { "empty text", """{"id":"$ID","kind":"Information","text":"  "}""", "text" },
        { "too long", """{"id":"$ID","kind":"Information","text":"$LONG"}""", "text" },
        { "decision without rationale", """{"id":"$ID","kind":"Beslutning","text":"Vi evakuerer","decidedBy":"Stabschefen"}""", "rationale" },
        { "decision without decider", """{"id":"$ID","kind":"Beslutning","text":"Vi evakuerer","rationale":"Vandet stiger"}""", "decidedBy" },
        { "order without recipient", """{"id":"$ID","kind":"Ordre","text":"Luk vejen"}""", "recipient" },
        { "future", """{"id":"$ID","kind":"Information","text":"Senere","occurredAt":"$FUTURE"}""", "occurredAt" },
        { "no id", """{"kind":"Information","text":"Uden id"}""", "id" },
        { "handover without what is open", """{"id":"$ID","kind":"Vagtskifte","text":"Jeg går hjem"}""", "handoverOpen" },
        { "confidential without clearance", """{"id":"$ID","kind":"Information","text":"Hemmeligt","classification":"Fortrolig"}""", "classification" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task Bad_entries_are_refused_with_a_Danish_message_naming_the_field_and_nothing_is_stored(string label, string template, string field)
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var json = template.Replace("$ID", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("$LONG", new string('x', CrisisLogEntry.MaxTextLength + 1), StringComparison.Ordinal)
            .Replace("$FUTURE", app.Clock.GetUtcNow().AddHours(1).ToString("O"), StringComparison.Ordinal);

        using var response = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/log", RawJson(json));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{label}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Single(await LogAsync(s.StaffApi, incident));
        Assert.True((await VerifyAsync(s.StaffApi, incident)).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_before_it_is_read()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        using var response = await AppendAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = new string('x', 1024 * 1024) });
        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Single(await LogAsync(s.StaffApi, incident));
    }

    [Fact]
    public async Task A_correction_points_to_an_entry_of_the_same_incident_and_the_original_is_shown_as_corrected()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var other = await CreateIncidentAsync(s.StaffApi, "En anden hændelse");
        var original = await AppendOkAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Pumpen kører 80 %" });
        var foreign = await AppendOkAsync(s.StaffApi, other, new { id = Guid.NewGuid(), kind = "Information", text = "Andet sted" });

        using (var wrong = await AppendAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Rettelse", correctsEntryId = foreign.GetProperty("id").GetGuid() }))
        {
            var problem = await ProblemAsync(wrong, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("correctsEntryId", out _));
        }

        var correction = await AppendOkAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Rettelse: pumpen kører 60 %", correctsEntryId = original.GetProperty("id").GetGuid() });

        var log = await LogAsync(s.StaffApi, incident);
        var shown = log.Single(e => e.GetProperty("id").GetGuid() == original.GetProperty("id").GetGuid());
        Assert.Equal("Pumpen kører 80 %", shown.GetProperty("text").GetString());
        Assert.Equal(correction.GetProperty("id").GetGuid(), shown.GetProperty("correctedBy")[0].GetGuid());
    }

    [Fact]
    public async Task Entries_are_never_changed_or_deleted_through_the_data_layer()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        await Assert.ThrowsAsync<Stabsrum.Infrastructure.Database.AppendOnlyViolationException>(() => app.WithDbAsync(s.Org.Id, async (db, _) =>
        {
            var entry = await db.CrisisLogEntries.FirstAsync(e => e.IncidentId == incident);
            entry.Text = "Ændret";
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Filters_by_kind_significance_author_and_search()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        await AppendOkAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Ordre", text = "Luk Strandvejen", recipient = "Vejafdelingen" });
        await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Vandet STIGER ved søen", significant = true });

        Assert.Single(await LogAsync(s.StaffApi, incident, "?kind=Ordre"));
        Assert.Equal(2, (await LogAsync(s.StaffApi, incident, "?significant=true")).Count); // + "oprettet"
        Assert.Single(await LogAsync(s.StaffApi, incident, "?author=Administrator"));
        Assert.Single(await LogAsync(s.StaffApi, incident, "?q=stiger"));
        Assert.Single(await LogAsync(s.StaffApi, incident, "?q=vejafdelingen"));
        var newestFirst = await LogAsync(s.StaffApi, incident);
        Assert.Equal([3L, 2L, 1L], newestFirst.Select(e => e.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task Readers_may_read_but_not_write()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var reader = await app.CreateUserAsync(s.Org, Stabsrum.Infrastructure.Tenancy.OrganisationRole.Laeser);
        var api = await app.CreateApiClientAsync(reader, s.Org);
        Assert.Single(await LogAsync(api, incident));
        using var response = await AppendAsync(api, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Må ikke" });
        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
