using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Email;

namespace Stabsrum.Features.CallOut;

/// <summary>
/// Sends queued attempts. Due rows are claimed in batches by one conditional update (Queued → Sending, stamped with
/// a claim token of this pass) that only one sender can win per row, committed before any channel is called; the
/// sender then sends exactly the rows carrying its token. Results (Sent, Failed, Queued again for a retry) are written
/// in batches, one transaction per batch, each still conditional on the row being Sending. A row left in Sending (the
/// app stopped mid-call) is never resent: its outcome is unknown, so it is marked failed and the next channel takes
/// over. A gateway that answers 5xx is retried with backoff up to <see cref="CallOutOptions.MaxTries"/>.
/// </summary>
public sealed class CallOutSender(IServiceScopeFactory scopes, TimeProvider time, IOptions<CallOutOptions> options, IOptions<EmailOptions> email, AnswerLinks links, ILogger<CallOutSender> logger)
{
    /// <summary>Rows claimed per statement: small enough that a crash strands few unsent rows, large enough to be cheap.</summary>
    public const int ClaimBatchSize = 250;

    private const int ResultBatchSize = 200;
    private static readonly TimeSpan StaleSending = TimeSpan.FromMinutes(2);

    private sealed record Work(Guid Id, Guid RecipientId, CallOutChannel Channel, int Tries, string? Phone, string? Email, string Name, CallOutKind Kind, string Title, string Message);

    private sealed record Outcome(Work Work, string? ProviderId, string? Error, bool Retry);

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<Work> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
            await db.CallOutAttempts.IgnoreQueryFilters()
                .Where(a => a.Status == AttemptStatus.Sending && a.DueAt < now - StaleSending)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Failed).SetProperty(a => a.FailedAt, now)
                    .SetProperty(a => a.Error, "Afbrudt under afsendelse; sendes ikke igen for ikke at sende to gange."), ct);
            due = await (from a in db.CallOutAttempts.IgnoreQueryFilters().AsNoTracking()
                         join r in db.CallOutRecipients.IgnoreQueryFilters() on a.RecipientId equals r.Id
                         join c in db.CallOuts.IgnoreQueryFilters() on a.CallOutId equals c.Id
                         where a.Status == AttemptStatus.Queued && a.DueAt <= now && c.Status == CallOutStatus.Active
                         orderby a.DueAt
                         select new Work(a.Id, r.Id, a.Channel, a.Tries, r.Phone, r.Email, r.Name, c.Kind, c.Title, c.Message))
                .Take(5000).ToListAsync(ct);
        }

        if (due.Count == 0)
        {
            return 0;
        }

        // Results are written by one consumer while the next batch is claimed and sent. Whatever happens to the sending
        // (stopping, a database error), the results of the messages that went out are written before this returns.
        var outcomes = System.Threading.Channels.Channel.CreateUnbounded<Outcome>(new() { SingleReader = true });
        var recording = RecordAsync(outcomes.Reader);
        int sent;
        try
        {
            foreach (var batch in due.Chunk(ClaimBatchSize))
            {
                var won = await ClaimAsync(batch, ct);
                await Parallel.ForEachAsync(won, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.SendParallelism), CancellationToken = ct }, async (work, token) =>
                    outcomes.Writer.TryWrite(await DeliverAsync(work, token)));
            }
        }
        finally
        {
            outcomes.Writer.Complete();
            sent = await recording;
        }

        return sent;
    }

    private async Task<IReadOnlyList<Work>> ClaimAsync(Work[] batch, CancellationToken ct)
    {
        var won = await ClaimAsync(batch.Select(w => w.Id).ToList(), ct);
        return won.Count == batch.Length ? batch : batch.Where(w => won.Contains(w.Id)).ToList();
    }

    /// <summary>
    /// Claims the due rows among <paramref name="ids"/> (Queued → Sending) with one conditional update and returns the
    /// ones this call won. When the update changed fewer rows than asked, another sender won some, and the rows carrying
    /// this call's token are exactly ours.
    /// </summary>
    internal async Task<IReadOnlySet<Guid>> ClaimAsync(List<Guid> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
        var token = Guid.NewGuid();
        var now = time.GetUtcNow();
        var claimed = await db.CallOutAttempts.IgnoreQueryFilters()
            .Where(a => ids.Contains(a.Id) && a.Status == AttemptStatus.Queued && a.DueAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Sending).SetProperty(a => a.ClaimToken, token)
                .SetProperty(a => a.Tries, a => a.Tries + 1).SetProperty(a => a.DueAt, now), ct);
        if (claimed == 0)
        {
            return new HashSet<Guid>();
        }

        if (claimed == ids.Count)
        {
            return ids.ToHashSet();
        }

        return (await db.CallOutAttempts.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.Id) && a.ClaimToken == token)
            .Select(a => a.Id).ToListAsync(ct)).ToHashSet();
    }

    private async Task<Outcome> DeliverAsync(Work work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var link = AnswerUrl(links.Create(work.RecipientId));
        try
        {
            if (work.Channel == CallOutChannel.Sms)
            {
                var gateway = scope.ServiceProvider.GetRequiredService<ISmsGateway>();
                var receipt = await gateway.SendAsync(new SmsMessage(work.Phone!, SmsText(work.Kind, work.Message, link), work.Id.ToString("N")), ct);
                return new Outcome(work, receipt.ProviderMessageId, null, false);
            }

            var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
            if (!sender.IsConfigured)
            {
                throw new EmailDeliveryException("E-mail er slået fra (Email:Mode = None).");
            }

            await sender.SendAsync(new EmailMessage([work.Email!], $"{Prefix(work.Kind)}{work.Title}", EmailText(work.Kind, work.Name, work.Message, link)), ct);
            return new Outcome(work, null, null, false);
        }
        catch (SmsDeliveryException e)
        {
            return new Outcome(work, null, Shorten(e.Message), e.Retryable && work.Tries + 1 < options.Value.MaxTries);
        }
        catch (Exception e) when (e is EmailDeliveryException or InvalidOperationException or IOException or FormatException)
        {
            return new Outcome(work, null, Shorten(e.Message), false);
        }
    }

    private async Task<int> RecordAsync(System.Threading.Channels.ChannelReader<Outcome> reader)
    {
        var sent = 0;
        var batch = new List<Outcome>(ResultBatchSize);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < ResultBatchSize && reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            sent += await WriteResultsAsync(batch);
            batch.Clear();
        }

        return sent;
    }

    /// <summary>
    /// One transaction per batch (one commit instead of one per message); each row still changes only while it is
    /// Sending, so a delivery receipt that arrived first is not overwritten. Written even when the job is stopping:
    /// these messages went out.
    /// </summary>
    private async Task<int> WriteResultsAsync(List<Outcome> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
        var ct = CancellationToken.None;
        var now = time.GetUtcNow();
        var sent = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (work, providerId, error, retry) in batch)
        {
            var query = db.CallOutAttempts.IgnoreQueryFilters().Where(a => a.Id == work.Id && a.Status == AttemptStatus.Sending);
            if (error is null)
            {
                await query.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Sent).SetProperty(a => a.SentAt, now).SetProperty(a => a.ProviderMessageId, providerId).SetProperty(a => a.Error, (string?)null), ct);
                sent++;
                continue;
            }

            if (retry)
            {
                // Backoff 15 s, 30 s, 60 s …; the gateway refused it, so nothing was sent and trying again cannot duplicate.
                var next = now + TimeSpan.FromSeconds(15 * Math.Pow(2, work.Tries));
                await query.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Queued).SetProperty(a => a.DueAt, next).SetProperty(a => a.Error, error).SetProperty(a => a.ClaimToken, (Guid?)null), ct);
            }
            else
            {
                await query.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Failed).SetProperty(a => a.FailedAt, now).SetProperty(a => a.Error, error), ct);
            }

            logger.LogWarning("Call-out attempt {Attempt} over {Channel} failed (try {Try}): {Error}", work.Id, work.Channel, work.Tries + 1, error);
        }

        await transaction.CommitAsync(ct);
        return sent;
    }

    private static string Shorten(string error) => error.Length > 1000 ? error[..1000] : error;

    public string AnswerUrl(string token)
    {
        var baseUrl = options.Value.PublicUrl ?? email.Value.PublicUrl ?? "http://localhost:5000";
        return $"{baseUrl.TrimEnd('/')}/svar/{token}";
    }

    public static string Prefix(CallOutKind kind) => kind switch
    {
        CallOutKind.Exercise => "ØVELSE – ",
        CallOutKind.Test => "PRØVEALARM – ",
        _ => "",
    };

    public static string SmsText(CallOutKind kind, string message, string link) =>
        $"{Prefix(kind)}{message}\nSvar 1 + minutter (kommer) eller 2 (kan ikke), eller: {link}";

    public static string EmailText(CallOutKind kind, string name, string message, string link) =>
        $"{Prefix(kind)}Til {name}\n\n{message}\n\nSvar her (kommer + forventet ankomst, eller kan ikke):\n{link}\n\nLinket er personligt og virker i 24 timer.";
}
