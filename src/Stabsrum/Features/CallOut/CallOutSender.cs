using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Email;

namespace Stabsrum.Features.CallOut;

/// <summary>
/// Sends queued attempts. Each row is claimed by a conditional update (Queued → Sending) that only one sender can
/// win, committed before the channel is called; afterwards it is Sent or Failed. A row left in Sending (the app
/// stopped mid-call) is never resent: its outcome is unknown, so it is marked failed and the next channel takes over.
/// A gateway that answers 5xx is retried with backoff up to <see cref="CallOutOptions.MaxTries"/>.
/// </summary>
public sealed class CallOutSender(IServiceScopeFactory scopes, TimeProvider time, IOptions<CallOutOptions> options, IOptions<EmailOptions> email, ILogger<CallOutSender> logger)
{
    private static readonly TimeSpan StaleSending = TimeSpan.FromMinutes(2);

    private sealed record Work(Guid Id, Guid RecipientId, CallOutChannel Channel, int Tries, string? Phone, string? Email, string Name, CallOutKind Kind, string Title, string Message);

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
            due = await (from a in db.CallOutAttempts.IgnoreQueryFilters()
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

        var sent = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.SendParallelism), CancellationToken = ct }, async (work, token) =>
        {
            if (await SendOneAsync(work, token))
            {
                Interlocked.Increment(ref sent);
            }
        });
        return sent;
    }

    private async Task<bool> SendOneAsync(Work work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
        var now = time.GetUtcNow();
        var claimed = await db.CallOutAttempts.IgnoreQueryFilters()
            .Where(a => a.Id == work.Id && a.Status == AttemptStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Sending).SetProperty(a => a.Tries, a => a.Tries + 1).SetProperty(a => a.DueAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }

        var link = AnswerUrl(scope.ServiceProvider.GetRequiredService<AnswerLinks>().Create(work.RecipientId));
        string? providerId = null;
        string? error = null;
        var retry = false;
        try
        {
            if (work.Channel == CallOutChannel.Sms)
            {
                var gateway = scope.ServiceProvider.GetRequiredService<ISmsGateway>();
                var receipt = await gateway.SendAsync(new SmsMessage(work.Phone!, SmsText(work.Kind, work.Message, link), work.Id.ToString("N")), ct);
                providerId = receipt.ProviderMessageId;
            }
            else
            {
                var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
                if (!sender.IsConfigured)
                {
                    throw new EmailDeliveryException("E-mail er slået fra (Email:Mode = None).");
                }

                await sender.SendAsync(new EmailMessage([work.Email!], $"{Prefix(work.Kind)}{work.Title}", EmailText(work.Kind, work.Name, work.Message, link)), ct);
            }
        }
        catch (SmsDeliveryException e)
        {
            error = e.Message;
            retry = e.Retryable && work.Tries + 1 < options.Value.MaxTries;
        }
        catch (Exception e) when (e is EmailDeliveryException or InvalidOperationException or IOException or FormatException)
        {
            error = e.Message;
        }

        now = time.GetUtcNow();
        var query = db.CallOutAttempts.IgnoreQueryFilters().Where(a => a.Id == work.Id && a.Status == AttemptStatus.Sending);
        if (error is null)
        {
            await query.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Sent).SetProperty(a => a.SentAt, now).SetProperty(a => a.ProviderMessageId, providerId).SetProperty(a => a.Error, (string?)null), CancellationToken.None);
            return true;
        }

        error = error.Length > 1000 ? error[..1000] : error;
        if (retry)
        {
            // Backoff 15 s, 30 s, 60 s …; the gateway refused it, so nothing was sent and trying again cannot duplicate.
            var next = now + TimeSpan.FromSeconds(15 * Math.Pow(2, work.Tries));
            await query.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Queued).SetProperty(a => a.DueAt, next).SetProperty(a => a.Error, error), CancellationToken.None);
        }
        else
        {
            await query.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Failed).SetProperty(a => a.FailedAt, now).SetProperty(a => a.Error, error), CancellationToken.None);
        }

        logger.LogWarning("Call-out attempt {Attempt} over {Channel} failed (try {Try}): {Error}", work.Id, work.Channel, work.Tries + 1, error);
        return false;
    }

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
