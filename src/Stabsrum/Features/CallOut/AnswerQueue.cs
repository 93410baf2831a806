using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut;

/// <summary>
/// Group commit for the answers that arrive through the personal links. In the first minutes of a large call-out
/// hundreds of phones answer at once; writing each answer in its own transaction costs a handful of round trips and a
/// commit per answer. Instead, each request hands its answer to this queue and waits; a writer takes everything waiting
/// and writes it with <see cref="CallOutAnswerRecorder.RecordManyAsync"/> — one transaction per organisation in the
/// batch — and only then completes the requests (while it is busy, a backlog is written by one helper in parallel). So an answer is committed before its phone is
/// told <i>Dit svar er registreret</i>, exactly as before, while a burst costs a few transactions instead of hundreds.
/// No background service: the first request that finds no writer becomes it, so the queue also works where hosted
/// services do not run, and an idle queue holds no thread.
/// </summary>
public sealed class AnswerQueue(IServiceScopeFactory scopes, ILogger<AnswerQueue> logger)
{
    /// <summary>Bounds one transaction; a bigger burst is written in several.</summary>
    public const int MaxBatch = 250;

    private const int BacklogForHelper = 8;

    private readonly Lock _gate = new();
    private List<Waiting> _waiting = [];
    private bool _draining;
    private bool _helping;

    public Task<AnswerOutcome> RecordAsync(AnswerSubmission answer)
    {
        var waiting = new Waiting(answer, new TaskCompletionSource<AnswerOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool drain, help = false;
        lock (_gate)
        {
            _waiting.Add(waiting);
            drain = !_draining;
            _draining = true;

            // While the writer is in its round trips, a backlog is written by a helper in parallel — one batch, then
            // it stops — so a burst is not held up by one connection, and a trickle never splits into batches of one.
            if (!drain && !_helping && _waiting.Count >= BacklogForHelper)
            {
                _helping = help = true;
            }
        }

        if (drain)
        {
            _ = Task.Run(DrainAsync);
        }
        else if (help)
        {
            _ = Task.Run(HelpAsync);
        }

        return waiting.Done.Task;
    }

    private async Task DrainAsync()
    {
        try
        {
            while (TakeBatch(stopDraining: true) is { } batch)
            {
                await WriteAsync(batch);
            }
        }
        catch (Exception e)
        {
            // WriteAsync settles every answer it takes; this only keeps the queue from waiting for a stopped writer.
            logger.LogError(e, "The answer writer stopped unexpectedly; the next answer starts a new one.");
            lock (_gate)
            {
                _draining = false;
            }
        }
    }

    private async Task HelpAsync()
    {
        try
        {
            if (TakeBatch(stopDraining: false) is { } batch)
            {
                await WriteAsync(batch);
            }
        }
        finally
        {
            lock (_gate)
            {
                _helping = false;
            }
        }
    }

    private List<Waiting>? TakeBatch(bool stopDraining)
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _draining &= !stopDraining;
                return null;
            }

            var batch = _waiting.Count <= MaxBatch ? _waiting : _waiting[..MaxBatch];
            _waiting = _waiting.Count <= MaxBatch ? [] : _waiting[MaxBatch..];
            return batch;
        }
    }

    private async Task WriteAsync(List<Waiting> batch)
    {
        Dictionary<Guid, Guid> organisations;
        try
        {
            // A link carries only the recipient: their own row says which organisation the answer is written for.
            var ids = batch.Select(w => w.Answer.RecipientId).Distinct().ToList();
            await using var scope = scopes.CreateAsyncScope();
            organisations = await scope.ServiceProvider.GetRequiredService<StabsrumDbContext>().CallOutRecipients.IgnoreQueryFilters()
                .Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.OrganisationId);
        }
        catch (Exception e)
        {
            Fail(batch, e);
            return;
        }

        foreach (var unknown in batch.Where(w => !organisations.ContainsKey(w.Answer.RecipientId)))
        {
            unknown.Done.TrySetResult(AnswerOutcome.NotFound);
        }

        // One transaction per organisation (and actor, which the audit trail names), in arrival order within it.
        foreach (var group in batch.Where(w => organisations.ContainsKey(w.Answer.RecipientId))
                     .GroupBy(w => (Organisation: organisations[w.Answer.RecipientId], w.Answer.Actor)))
        {
            var items = group.ToList();
            if (!await TryWriteAsync(group.Key.Organisation, group.Key.Actor, items) && items.Count > 1)
            {
                // Something in the group failed (it rolled back): write each answer alone, so one bad row fails alone.
                foreach (var one in items)
                {
                    await TryWriteAsync(group.Key.Organisation, group.Key.Actor, [one]);
                }
            }
        }
    }

    private async Task<bool> TryWriteAsync(Guid organisationId, string actor, List<Waiting> items)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(organisationId, actor);
            var outcomes = await scope.ServiceProvider.GetRequiredService<CallOutAnswerRecorder>()
                .RecordManyAsync(items.Select(w => w.Answer).ToList(), CancellationToken.None);
            for (var i = 0; i < items.Count; i++)
            {
                items[i].Done.TrySetResult(outcomes[i]);
            }

            return true;
        }
        catch (Exception e) when (items.Count > 1)
        {
            logger.LogWarning(e, "Writing {Count} answers together failed; writing them one at a time.", items.Count);
            return false;
        }
        catch (Exception e)
        {
            Fail(items, e);
            return true;
        }
    }

    private void Fail(List<Waiting> items, Exception e)
    {
        logger.LogError(e, "{Count} answers could not be stored.", items.Count);
        foreach (var item in items)
        {
            item.Done.TrySetException(e);
        }
    }

    private sealed record Waiting(AnswerSubmission Answer, TaskCompletionSource<AnswerOutcome> Done);
}
