using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Background;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Email;

namespace Stabsrum.Features.AnnualWheel;

public sealed class ReminderOptions
{
    public const string Section = "Email:Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks for due reminders.</summary>
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>A reminder the mail server keeps refusing is given up after this many attempts.</summary>
    public int MaxAttempts { get; set; } = 5;
}

/// <summary>
/// Sends årshjul reminders N days before an obligation is due. All state is in <see cref="ReminderDelivery"/> rows
/// (see docs/adr/0008-plan-duties.md), so stopping and starting the job neither loses nor repeats a reminder.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderJob> logger)
    : PeriodicJob(time, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds));

    public override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        if (!sender.IsConfigured)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
        await PlanDueRemindersAsync(db, ct);
        await SendPendingAsync(db, sender, scope.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value, ct);
    }

    /// <summary>Step 1: a pending row for every reminder whose day has come, committed before anything is sent.</summary>
    private async Task PlanDueRemindersAsync(StabsrumDbContext db, CancellationToken ct)
    {
        var today = Time.Today();
        var now = Time.GetUtcNow();
        // Organisations in exercise mode send nothing to real recipients; their reminders wait until it ends.
        var exercising = db.Organisations.Where(o => o.ExerciseMode).Select(o => o.Id);
        var candidates = await db.Obligations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.ReminderEmail != null && o.ReminderDaysBefore != null)
            .Where(o => !(o.Recurrence == Recurrence.None && o.LastCompletedOn != null))
            .Where(o => !exercising.Contains(o.OrganisationId))
            .Where(o => !db.Set<ReminderDelivery>().IgnoreQueryFilters().Any(r => r.ObligationId == o.Id && r.DueOn == o.DueOn))
            .Select(o => new { o.Id, o.OrganisationId, o.DueOn, o.ReminderDaysBefore, o.ReminderEmail })
            .ToListAsync(ct);

        foreach (var o in candidates.Where(o => o.DueOn.AddDays(-o.ReminderDaysBefore!.Value) <= today))
        {
            db.ReminderDeliveries.Add(new ReminderDelivery
            {
                OrganisationId = o.OrganisationId,
                ObligationId = o.Id,
                DueOn = o.DueOn,
                Recipient = o.ReminderEmail!,
                CreatedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance planned the same reminder first (unique obligation + due date): theirs stands.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Step 2: send what is pending, marking each as sent right after the server accepted it.</summary>
    private async Task SendPendingAsync(StabsrumDbContext db, IEmailSender sender, EmailOptions email, CancellationToken ct)
    {
        var pending = await db.ReminderDeliveries.IgnoreQueryFilters()
            .Where(r => r.SentAt == null && r.Attempts < options.Value.MaxAttempts)
            .OrderBy(r => r.CreatedAt)
            .Take(200)
            .ToListAsync(ct);
        foreach (var delivery in pending)
        {
            var obligation = await db.Obligations.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(o => o.Id == delivery.ObligationId, ct);
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == delivery.OrganisationId).Select(o => o.Name).SingleAsync(ct);
            delivery.Attempts++;
            try
            {
                if (obligation is not null)
                {
                    await sender.SendAsync(Compose(obligation, delivery, organisation, email.PublicUrl), ct);
                }

                delivery.SentAt = Time.GetUtcNow();
                delivery.LastError = null;
            }
            catch (Exception e) when (e is EmailDeliveryException or InvalidOperationException or IOException or FormatException)
            {
                delivery.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                Logger.LogWarning(e, "Reminder {Delivery} could not be sent (attempt {Attempt}).", delivery.Id, delivery.Attempts);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    public static EmailMessage Compose(Obligation o, ReminderDelivery delivery, string organisation, string? publicUrl)
    {
        var due = LocalDate.Format(delivery.DueOn);
        var link = string.IsNullOrWhiteSpace(publicUrl) ? null : publicUrl.TrimEnd('/') + (o.SourcePlanId is { } plan ? $"/beredskab/planer/{plan}" : "/beredskab/aarshjul");
        var lines = new List<string>
        {
            $"Påmindelse fra årshjulet i Stabsrum ({organisation}):",
            "",
            $"{o.Title}",
            $"Frist: {due}",
            $"Type: {o.Kind.DanishName()}",
        };
        if (!string.IsNullOrWhiteSpace(o.Owner))
        {
            lines.Add($"Ansvarlig: {o.Owner}");
        }

        if (!string.IsNullOrWhiteSpace(o.Notes))
        {
            lines.Add("");
            lines.Add(o.Notes);
        }

        if (link is not null)
        {
            lines.Add("");
            lines.Add(link);
        }

        var html = "<p>" + string.Join("<br>", lines.Select(WebUtility.HtmlEncode)) + "</p>";
        return new EmailMessage([delivery.Recipient], $"Påmindelse: {o.Title} – frist {due}", string.Join("\r\n", lines), html);
    }
}
