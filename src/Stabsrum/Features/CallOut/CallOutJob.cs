using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut;

/// <summary>
/// Wakes the escalation job instead of leaving it to its interval. <see cref="Nudge"/> (an answer, a receipt) may wait
/// for the short pause that turns a burst of answers into one pass; <see cref="NudgeNow"/> (a confirmed call-out, whose
/// messages must go out at once) cuts that pause short.
/// </summary>
public sealed class CallOutSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _now = new(0, 1);

    public void Nudge() => Release(_wake);

    public void NudgeNow()
    {
        Release(_wake);
        Release(_now);
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    /// <summary>The pause between two passes; ends early on <see cref="NudgeNow"/>.</summary>
    public Task<bool> PauseAsync(TimeSpan pause, CancellationToken ct) => _now.WaitAsync(pause, ct);

    public void Dispose()
    {
        _wake.Dispose();
        _now.Dispose();
    }

    private static void Release(SemaphoreSlim semaphore)
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }
}

/// <summary>
/// The escalation job: every interval (or when nudged) it advances every active call-out (<see cref="CallOutEngine"/>),
/// sends what is due (<see cref="CallOutSender"/>) and writes new answers to the incidents' crisis logs. All state is in
/// the database, so a restart resumes where it stopped.
/// </summary>
public sealed class CallOutJob(IServiceScopeFactory scopes, CallOutSender sender, CallOutSignal signal, TimeProvider time, IOptions<CallOutOptions> options, ILogger<CallOutJob> logger) : BackgroundService
{
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);
    private int _completedRuns;

    public int CompletedRuns => Volatile.Read(ref _completedRuns);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EscalationEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Call-out escalation run failed; it is retried on the next run.");
            }

            Interlocked.Increment(ref _completedRuns);
            try
            {
                // The interval runs on the real clock: tests drive time by calling RunOnceAsync with a FakeTimeProvider.
                // A short pause first, so a burst of answers (each one a nudge) costs one pass, not one per answer — cut
                // short when a confirmed call-out is waiting to go out.
                await signal.PauseAsync(TimeSpan.FromMilliseconds(Math.Max(0, options.Value.MinimumGapMilliseconds)), stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await _oneRunAtATime.WaitAsync(ct);
        try
        {
            // Advance until nothing changes (an answer may close a target which completes the call-out), then send.
            for (var pass = 0; pass < 3 && await AdvanceAllAsync(ct); pass++)
            {
            }

            // Sending can change what the next pass decides (a failed SMS moves that person on to e-mail at once);
            // when nothing was sent, a second pass would read the same state again.
            if (await sender.SendDueAsync(ct) > 0 && await AdvanceAllAsync(ct))
            {
                await sender.SendDueAsync(ct);
            }

            await LogAnswersAsync(ct);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    private async Task<bool> AdvanceAllAsync(CancellationToken ct)
    {
        List<(Guid Id, Guid OrganisationId)> active;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
            active = (await db.CallOuts.IgnoreQueryFilters().AsNoTracking().Where(c => c.Status == CallOutStatus.Active)
                .Select(c => new { c.Id, c.OrganisationId }).ToListAsync(ct)).Select(c => (c.Id, c.OrganisationId)).ToList();
        }

        var changed = false;
        foreach (var (id, org) in active)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(org, "Alarmering");
                changed |= await scope.ServiceProvider.GetRequiredService<CallOutEngine>().AdvanceAsync(id, ct);
            }
            catch (DbUpdateException e)
            {
                // Another instance advanced the same call-out first (the unique attempt index): the next run looks again.
                logger.LogInformation(e, "Call-out {CallOut} was advanced concurrently.", id);
            }
        }

        return changed;
    }

    private async Task LogAnswersAsync(CancellationToken ct)
    {
        List<(Guid AnswerId, Guid OrganisationId)> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
            pending = (await db.CallOutAnswers.IgnoreQueryFilters().AsNoTracking().Where(a => a.LoggedAt == null)
                .OrderBy(a => a.ReceivedAt).Take(500).Select(a => new { a.Id, a.OrganisationId }).ToListAsync(ct))
                .Select(a => (a.Id, a.OrganisationId)).ToList();
        }

        foreach (var group in pending.GroupBy(p => p.OrganisationId))
        {
            foreach (var batch in group.Chunk(50))
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(group.Key, "Alarmering");
                var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
                var log = scope.ServiceProvider.GetRequiredService<CrisisLog.CrisisLog>();
                var ids = batch.Select(b => b.AnswerId).ToList();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var answers = await (from a in db.CallOutAnswers.AsNoTracking()
                                     where ids.Contains(a.Id) && a.LoggedAt == null
                                     join c in db.CallOuts on a.CallOutId equals c.Id into cs
                                     from c in cs.DefaultIfEmpty()
                                     join r in db.CallOutRecipients on a.RecipientId equals r.Id into rs
                                     from r in rs.DefaultIfEmpty()
                                     select new { Answer = a, IncidentId = c == null ? null : c.IncidentId, Name = r == null ? null : r.Name }).ToListAsync(ct);
                foreach (var item in answers)
                {
                    if (item.IncidentId is { } incidentId)
                    {
                        var text = AnswerText(item.Name, item.Answer);
                        await log.AppendAsync(incidentId, new NewLogEntry(item.Answer.Id, LogEntryKind.MeldingInd, text, OccurredAt: item.Answer.ReceivedAt), ct);
                    }
                }

                // One statement marks the batch logged (the answer rows are the record; the log entry has the answer's id).
                var logged = answers.Select(a => a.Answer.Id).ToList();
                var now = time.GetUtcNow();
                await db.CallOutAnswers.Where(a => logged.Contains(a.Id) && a.LoggedAt == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.LoggedAt, now), ct);
                await transaction.CommitAsync(ct);
            }
        }
    }

    public static string AnswerText(string? name, CallOutAnswer answer)
    {
        var who = name ?? (answer.FromPhone is null ? "Ukendt afsender" : $"Ukendt nummer {answer.FromPhone}");
        var via = answer.Source switch { AnswerSource.Sms => "SMS", AnswerSource.Link => "link", AnswerSource.App => "Stabsrum", _ => "manuelt" };
        return answer.Response switch
        {
            AnswerResponse.Kommer => $"Alarmering: {who} kommer{(answer.EtaMinutes is { } eta ? $" (ankomst om {eta} min, ca. {Infrastructure.Time.DanishTime.ToLocal(answer.ReceivedAt.AddMinutes(eta)):HH:mm})" : "")} – svar via {via}.",
            AnswerResponse.KanIkke => $"Alarmering: {who} kan ikke komme – svar via {via}.",
            _ => $"Alarmering: ulæseligt svar fra {who} via {via}: \"{answer.RawText}\" (ikke tolket).",
        };
    }

    public override void Dispose()
    {
        _oneRunAtATime.Dispose();
        base.Dispose();
    }
}
