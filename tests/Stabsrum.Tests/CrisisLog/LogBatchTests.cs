using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.CrisisLog;

/// <summary>Entries written in one turn of the incident's lock (group commit) are each still answered on their own.</summary>
public sealed class LogBatchTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task One_turn_answers_each_entry_on_its_own_keeps_each_author_and_extends_the_chain_in_order()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.AdminApi);
        var (anne, bo) = (new LogAuthor(s.Admin.Id, "Anne Kjær", true), new LogAuthor(s.Staff.Id, "Bo Holm", false));
        var first = Guid.NewGuid();
        var results = await app.WithDbAsync(s.Org.Id, (_, sp) => sp.GetRequiredService<Features.CrisisLog.CrisisLog>().AppendManyAsync(incident,
        [
            new LogSubmission(new NewLogEntry(first, LogEntryKind.Information, "Vand på Vejlegårdsvej"), anne),
            new LogSubmission(new NewLogEntry(first, LogEntryKind.Information, "Vand på Vejlegårdsvej"), anne), // a retry in the same turn
            new LogSubmission(new NewLogEntry(first, LogEntryKind.Information, "Andet indhold"), bo), // a used id, other content
            new LogSubmission(new NewLogEntry(Guid.NewGuid(), LogEntryKind.Information, " "), bo),
            new LogSubmission(new NewLogEntry(Guid.NewGuid(), LogEntryKind.Information, "Hemmeligt", Classification: LogClassification.Fortrolig), bo),
            new LogSubmission(new NewLogEntry(Guid.NewGuid(), LogEntryKind.Information, "Rettelse: Vejlegårdsvej 12", CorrectsEntryId: first), bo),
            new LogSubmission(new NewLogEntry(Guid.NewGuid(), LogEntryKind.Information, "Rettelse af en post, der ikke findes", CorrectsEntryId: Guid.NewGuid()), bo),
        ]));

        Assert.Equal(
            [AppendOutcome.Created, AppendOutcome.AlreadyStored, AppendOutcome.Conflict, AppendOutcome.Invalid, AppendOutcome.Invalid, AppendOutcome.Created, AppendOutcome.Invalid],
            results.Select(r => r.Outcome));
        Assert.Contains("classification", results[4].Errors.ToDictionary().Keys);
        var (created, correction) = (results[0].Entry!, results[5].Entry!);
        Assert.Equal(created.Sequence + 1, correction.Sequence); // refused entries take no number
        Assert.Equal(created.Hash, correction.PreviousHash);
        Assert.Equal(("Anne Kjær", s.Admin.Id), (created.AuthorName, created.AuthorUserId!.Value));
        Assert.Equal(("Bo Holm", s.Staff.Id), (correction.AuthorName, correction.AuthorUserId!.Value));

        var head = await app.WithDbAsync(s.Org.Id, (db, _) => db.Incidents.Where(i => i.Id == incident).Select(i => new { i.LogCount, i.LogHeadHash }).SingleAsync());
        Assert.Equal((correction.Sequence, correction.Hash), (head.LogCount, head.LogHeadHash));
        var verified = await VerifyAsync(s.StaffApi, incident);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
    }

    [Fact]
    public async Task The_queue_writes_entries_to_an_incident_of_the_callers_organisation_only()
    {
        var mine = await SetUpAsync(app);
        var theirs = await SetUpAsync(app);
        var theirIncident = await CreateIncidentAsync(theirs.AdminApi);
        var queue = app.Services.GetRequiredService<LogAppendQueue>();

        var result = await queue.AppendAsync(mine.Org.Id, theirIncident, new LogSubmission(new NewLogEntry(Guid.NewGuid(), LogEntryKind.Information, "Forkert kommune"), new LogAuthor(mine.Admin.Id, "Anne", true)));

        Assert.Equal(AppendOutcome.NotFound, result.Outcome);
        var texts = await app.WithDbAsync(theirs.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.IncidentId == theirIncident).Select(e => e.Text).ToListAsync());
        Assert.DoesNotContain("Forkert kommune", texts);
    }
}
