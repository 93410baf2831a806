using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut;

/// <summary>
/// Group commit (<see cref="GroupCommitQueue{TItem, TResult}"/>) for the answers that arrive through the personal
/// links: in the first minutes of a large call-out hundreds of phones answer at once. A batch is written with
/// <see cref="CallOutAnswerRecorder.RecordManyAsync"/>, one transaction per organisation in it.
/// </summary>
public sealed class AnswerQueue(IServiceScopeFactory scopes, ILogger<AnswerQueue> logger) : GroupCommitQueue<AnswerSubmission, AnswerOutcome>(logger)
{
    public Task<AnswerOutcome> RecordAsync(AnswerSubmission answer) => EnqueueAsync(answer);

    protected override async Task WriteAsync(IReadOnlyList<Waiting> batch)
    {
        // A link carries only the recipient: their own row says which organisation the answer is written for.
        var ids = batch.Select(w => w.Item.RecipientId).Distinct().ToList();
        Dictionary<Guid, Guid> organisations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            organisations = await scope.ServiceProvider.GetRequiredService<StabsrumDbContext>().CallOutRecipients.IgnoreQueryFilters()
                .Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.OrganisationId);
        }

        foreach (var unknown in batch.Where(w => !organisations.ContainsKey(w.Item.RecipientId)))
        {
            unknown.Done.TrySetResult(AnswerOutcome.NotFound);
        }

        // One transaction per organisation (and actor, which the audit trail names), in arrival order within it.
        foreach (var group in batch.Where(w => organisations.ContainsKey(w.Item.RecipientId))
                     .GroupBy(w => (Organisation: organisations[w.Item.RecipientId], w.Item.Actor)))
        {
            await WriteGroupAsync([.. group], async answers =>
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(group.Key.Organisation, group.Key.Actor);
                return await scope.ServiceProvider.GetRequiredService<CallOutAnswerRecorder>().RecordManyAsync(answers, CancellationToken.None);
            });
        }
    }
}
