using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CrisisLog;

/// <summary>An entry waiting for its turn: the incident, the caller's organisation, and who writes it.</summary>
public sealed record QueuedLogEntry(Guid OrganisationId, Guid IncidentId, LogSubmission Submission);

/// <summary>
/// Group commit (<see cref="GroupCommitQueue{TItem, TResult}"/>) for entries posted to the log API. Writers to one
/// incident must take turns (each entry extends the hash chain); with a turn per entry, a busy incident's log is
/// bounded by one transaction's round trips per entry. Queued entries to the same incident are written in one turn by
/// <see cref="CrisisLog.AppendManyAsync"/> — each still validated, chained and answered on its own — and the callers
/// are answered after the commit, as before.
/// </summary>
public sealed class LogAppendQueue(IServiceScopeFactory scopes, ILogger<LogAppendQueue> logger) : GroupCommitQueue<QueuedLogEntry, AppendResult>(logger)
{
    public Task<AppendResult> AppendAsync(Guid organisationId, Guid incidentId, LogSubmission submission) =>
        EnqueueAsync(new QueuedLogEntry(organisationId, incidentId, submission));

    protected override async Task WriteAsync(IReadOnlyList<Waiting> batch)
    {
        foreach (var group in batch.GroupBy(w => (w.Item.OrganisationId, w.Item.IncidentId)))
        {
            await WriteGroupAsync([.. group], async entries =>
            {
                // The caller's organisation scopes the write: an incident of another organisation is not found.
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(group.Key.OrganisationId, "Krisestabslog");
                return await scope.ServiceProvider.GetRequiredService<CrisisLog>()
                    .AppendManyAsync(group.Key.IncidentId, [.. entries.Select(e => e.Submission)], CancellationToken.None);
            });
        }
    }
}
