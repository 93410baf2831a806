using System.Net;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.CrisisLog;

/// <summary>
/// Tamper evidence and serialisation: rows changed, deleted or reordered behind the application's back are
/// reported at the exact first broken entry; concurrent writers never fork the chain.
/// </summary>
public sealed class LogChainTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private async Task<(CrisisSetup Setup, Guid Incident, List<Guid> Ids)> IncidentWithEntriesAsync(int extra = 5)
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        for (var i = 0; i < extra; i++)
        {
            await AppendOkAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = $"Post {i + 2}" });
        }

        var ids = await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.IncidentId == incident).OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync());
        return (s, incident, ids);
    }

    private static async Task AssertBrokenAtAsync(CrisisSetup s, Guid incident, long sequence, Guid? entryId)
    {
        var result = await VerifyAsync(s.StaffApi, incident);
        Assert.False(result.GetProperty("intact").GetBoolean(), result.ToString());
        Assert.Equal(sequence, result.GetProperty("brokenAtSequence").GetInt64());
        if (entryId is { } id)
        {
            Assert.Equal(id, result.GetProperty("brokenEntryId").GetGuid());
        }

        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("problem").GetString()));
    }

    [Fact]
    public async Task An_intact_log_verifies()
    {
        var (s, incident, ids) = await IncidentWithEntriesAsync();
        var result = await VerifyAsync(s.StaffApi, incident);
        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.Equal(ids.Count, result.GetProperty("entriesChecked").GetInt64());
    }

    [Fact]
    public async Task A_modified_text_is_reported_at_that_entry()
    {
        var (s, incident, ids) = await IncidentWithEntriesAsync();
        await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.Id == ids[2]).ExecuteUpdateAsync(u => u.SetProperty(e => e.Text, "Omskrevet")));
        await AssertBrokenAtAsync(s, incident, 3, ids[2]);
    }

    [Fact]
    public async Task A_modified_time_is_reported_at_that_entry()
    {
        var (s, incident, ids) = await IncidentWithEntriesAsync();
        var earlier = app.Clock.GetUtcNow().AddMinutes(-30);
        await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.Id == ids[4]).ExecuteUpdateAsync(u => u.SetProperty(e => e.OccurredAt, earlier)));
        await AssertBrokenAtAsync(s, incident, 5, ids[4]);
    }

    [Fact]
    public async Task A_modified_entry_with_a_recomputed_hash_is_reported_at_the_next_entry()
    {
        var (s, incident, ids) = await IncidentWithEntriesAsync();
        await app.WithDbAsync(s.Org.Id, async (db, _) =>
        {
            var entry = await db.CrisisLogEntries.AsNoTracking().SingleAsync(e => e.Id == ids[1]);
            entry.Text = "Omskrevet med ny hash";
            var hash = LogChain.Compute(entry.PreviousHash, entry);
            await db.CrisisLogEntries.Where(e => e.Id == ids[1]).ExecuteUpdateAsync(u => u.SetProperty(e => e.Text, entry.Text).SetProperty(e => e.Hash, hash));
        });
        await AssertBrokenAtAsync(s, incident, 3, ids[2]);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_where_it_is_missing()
    {
        var (s, incident, ids) = await IncidentWithEntriesAsync();
        await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.Id == ids[2]).ExecuteDeleteAsync());
        await AssertBrokenAtAsync(s, incident, 3, ids[3]);
    }

    [Fact]
    public async Task A_deleted_last_entry_is_reported()
    {
        var (s, incident, ids) = await IncidentWithEntriesAsync();
        var last = ids[^1];
        await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.Id == last).ExecuteDeleteAsync());
        await AssertBrokenAtAsync(s, incident, ids.Count, null);
    }

    [Fact]
    public async Task Reordered_entries_are_reported_at_the_first_moved_one()
    {
        var (s, incident, ids) = await IncidentWithEntriesAsync();
        await app.WithDbAsync(s.Org.Id, async (db, _) =>
        {
            await db.CrisisLogEntries.Where(e => e.Id == ids[2]).ExecuteUpdateAsync(u => u.SetProperty(e => e.Sequence, -1));
            await db.CrisisLogEntries.Where(e => e.Id == ids[3]).ExecuteUpdateAsync(u => u.SetProperty(e => e.Sequence, 3));
            await db.CrisisLogEntries.Where(e => e.Id == ids[2]).ExecuteUpdateAsync(u => u.SetProperty(e => e.Sequence, 4));
        });
        await AssertBrokenAtAsync(s, incident, 3, ids[3]);
    }

    [Fact]
    public async Task The_command_line_verifier_reports_the_same_first_broken_link()
    {
        var (s, incident, ids) = await IncidentWithEntriesAsync();
        var output = new StringWriter();
        var original = Console.Out;
        int intact;
        Console.SetOut(output);
        try
        {
            intact = await app.WithDbAsync(null, (_, sp) => VerifyLogCommand.RunAsync(sp, incident.ToString()));
            await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.Id == ids[3]).ExecuteUpdateAsync(u => u.SetProperty(e => e.AuthorName, "Nogen andre")));
            Assert.Equal(1, await app.WithDbAsync(null, (_, sp) => VerifyLogCommand.RunAsync(sp, incident.ToString())));
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(0, intact);
        Assert.Contains("intakt", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"brudt ved post nr. 4 (id {ids[3]})", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_to_one_incident_never_fork_the_chain()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        const int writers = 8;
        const int each = 15;
        var clients = new List<HttpClient>();
        for (var i = 0; i < writers; i++)
        {
            clients.Add(await app.CreateApiClientAsync(i % 2 == 0 ? s.Staff : s.Admin, s.Org));
        }

        using var start = new SemaphoreSlim(0);
        var tasks = clients.Select((client, w) => Task.Run(async () =>
        {
            await start.WaitAsync();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < each; i++)
            {
                using var response = await AppendAsync(client, incident, new { id = Guid.NewGuid(), kind = "Information", text = $"Skriver {w} post {i}" });
                statuses.Add(response.StatusCode);
            }

            return statuses;
        })).ToList();
        start.Release(writers);
        var all = (await Task.WhenAll(tasks)).SelectMany(x => x).ToList();

        Assert.All(all, status => Assert.Equal(HttpStatusCode.Created, status));
        var sequences = await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.IncidentId == incident).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, (writers * each) + 1).Select(i => (long)i), sequences.Order());
        var result = await VerifyAsync(s.StaffApi, incident);
        Assert.True(result.GetProperty("intact").GetBoolean(), result.ToString());
    }

    [Fact]
    public void Canonical_content_is_stable_and_covers_every_field()
    {
        var entry = new CrisisLogEntry
        {
            Id = Guid.Parse("0191f3a0-0000-7000-8000-000000000001"),
            OrganisationId = Guid.Parse("0191f3a0-0000-7000-8000-000000000002"),
            IncidentId = Guid.Parse("0191f3a0-0000-7000-8000-000000000003"),
            Sequence = 7,
            Kind = LogEntryKind.Beslutning,
            Text = "Vejen lukkes – æøå \"citat\"",
            DecidedBy = "Stabschef",
            Rationale = "Vand",
            OccurredAt = new DateTimeOffset(2026, 12, 3, 1, 10, 0, TimeSpan.FromHours(1)).AddTicks(1234567),
            RecordedAt = new DateTimeOffset(2026, 12, 3, 0, 15, 0, TimeSpan.Zero),
            AuthorName = "Jonas",
            PreviousHash = LogChain.GenesisHash,
            Hash = "",
        };
        var canonical = LogChain.Canonical(entry);
        Assert.Contains("\"occurredAt\":\"2026-12-03T00:10:00.123456Z\"", canonical, StringComparison.Ordinal);
        Assert.Contains("æøå", canonical, StringComparison.Ordinal);
        var hash = LogChain.Compute(LogChain.GenesisHash, entry);
        Assert.Equal(64, hash.Length);
        entry.Rationale = "Vand!";
        Assert.NotEqual(hash, LogChain.Compute(LogChain.GenesisHash, entry));
    }
}
