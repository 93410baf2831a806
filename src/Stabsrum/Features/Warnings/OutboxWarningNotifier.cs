using System.Text;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Warnings;

/// <summary>
/// Writes the notification to the outbox table (<see cref="WarningNotification"/>) in the intake's transaction,
/// addressed to the organisation's duty e-mail. Nothing is sent from here: an e-mail sender drains the outbox
/// (SentAt/Attempts/LastError), so a notification is never lost to a crash or an SMTP outage.
/// Without a duty e-mail nothing is written; the warnings settings page says so.
/// </summary>
public sealed class OutboxWarningNotifier(StabsrumDbContext db, TimeProvider time) : IWarningNotifier
{
    public async Task NotifyAsync(WarningNotice notice, CancellationToken cancellationToken)
    {
        var recipient = await db.WarningSettings.AsNoTracking()
            .Where(s => s.OrganisationId == notice.OrganisationId)
            .Select(s => s.DutyEmail)
            .FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(recipient))
        {
            return;
        }

        db.WarningNotifications.Add(new WarningNotification
        {
            OrganisationId = notice.OrganisationId,
            WarningId = notice.WarningId,
            Recipient = recipient,
            Subject = Truncate($"Nyt relevant varsel: {notice.Headline}", 500),
            Body = Body(notice),
            CreatedAt = time.GetUtcNow(),
        });
    }

    private static string Body(WarningNotice n)
    {
        var body = new StringBuilder();
        body.AppendLine("Et nyt varsel er vurderet relevant for jeres områder og afventer behandling i Stabsrum.");
        body.AppendLine();
        body.AppendLine("Varsel: " + n.Headline);
        if (n.AwarenessLevel is { } level)
        {
            body.AppendLine("Niveau: " + level.Danish() + (n.AwarenessType is { } type ? " (" + type.Danish() + ")" : ""));
        }

        if (!string.IsNullOrWhiteSpace(n.AreaDescription))
        {
            body.AppendLine("Område: " + n.AreaDescription);
        }

        if (n.Onset is { } onset)
        {
            body.AppendLine("Fra: " + DanishTime.Format(onset));
        }

        if (n.Expires is { } expires)
        {
            body.AppendLine("Til: " + DanishTime.Format(expires));
        }

        if (n.RelevanceReason is not null)
        {
            body.AppendLine("Hvorfor relevant: " + n.RelevanceReason);
        }

        body.AppendLine();
        body.AppendLine("Se og behandl varslet: " + n.DetailPath);
        return body.ToString();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
