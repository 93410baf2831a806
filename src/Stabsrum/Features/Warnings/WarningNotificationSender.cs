using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Infrastructure.Background;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Email;

namespace Stabsrum.Features.Warnings;

public sealed class WarningNotificationOptions
{
    public const string Section = "Warnings:Notifications";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the outbox is looked at. Short: a duty person should hear about a red warning quickly.</summary>
    public int IntervalSeconds { get; set; } = 30;

    /// <summary>A notification the mail server keeps refusing is given up after this many attempts (and stays visible).</summary>
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>
/// Delivers the duty-person outbox (<see cref="WarningNotification"/> rows written with the warning) by e-mail.
/// A row is marked sent right after the server accepted it, so a restart resends at most the one message that was
/// in flight and never loses one; with e-mail switched off the rows simply wait.
/// </summary>
public sealed class WarningNotificationSender(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<WarningNotificationOptions> options, ILogger<WarningNotificationSender> logger)
    : PeriodicJob(time, logger)
{
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds));

    public override async Task RunOnceAsync(CancellationToken ct)
    {
        await _oneRunAtATime.WaitAsync(ct);
        try
        {
            await RunAsync(ct);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        if (!sender.IsConfigured)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
        var publicUrl = scope.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value.PublicUrl;
        var pending = await db.Set<WarningNotification>().IgnoreQueryFilters()
            .Where(n => n.SentAt == null && n.Attempts < options.Value.MaxAttempts)
            .OrderBy(n => n.CreatedAt)
            .Take(100)
            .ToListAsync(ct);
        foreach (var notification in pending)
        {
            // Claim the row before sending: only the run whose update matched the attempt count it read may send,
            // so two runs (or two app instances) never mail the same notification twice.
            var claimed = await db.Set<WarningNotification>().IgnoreQueryFilters()
                .Where(n => n.Id == notification.Id && n.SentAt == null && n.Attempts == notification.Attempts)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue;
            }

            notification.Attempts++;
            db.Entry(notification).Property(n => n.Attempts).IsModified = false;
            try
            {
                await sender.SendAsync(Compose(notification, publicUrl), ct);
                notification.SentAt = Time.GetUtcNow();
                notification.LastError = null;
            }
            catch (Exception e) when (e is EmailDeliveryException or InvalidOperationException or IOException or FormatException)
            {
                notification.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                Logger.LogWarning(e, "Warning notification {Notification} could not be sent (attempt {Attempt}).", notification.Id, notification.Attempts);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    public override void Dispose()
    {
        _oneRunAtATime.Dispose();
        base.Dispose();
    }

    public static EmailMessage Compose(WarningNotification notification, string? publicUrl)
    {
        var body = notification.Body;
        if (!string.IsNullOrWhiteSpace(publicUrl) && notification.WarningId is { } id)
        {
            body += $"\n\nSe og behandl varslet: {publicUrl.TrimEnd('/')}/haendelser/varsler/{id}";
        }

        return new EmailMessage([notification.Recipient], notification.Subject, body);
    }
}
