using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.AnnualWheel;

/// <summary>
/// Keeps the årshjul's revision and exercise obligations in step with the plans register: called in the same
/// unit of work as every change to a plan, so the two never disagree.
/// </summary>
public static class PlanObligationSync
{
    /// <summary>Reminder lead time for generated obligations.</summary>
    public const int DefaultReminderDays = 30;

    public static async Task SyncAsync(StabsrumDbContext db, Plan plan, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Obligations.Where(o => o.SourcePlanId == plan.Id).ToListAsync(ct);
        var revision = plan.Archived ? null : plan.Revision(today);
        var exercise = plan.Archived ? null : plan.Exercise(today);
        Upsert(db, existing, plan, ObligationKind.Revision, revision?.DueOn, $"Revision: {plan.Title}", ElectionPeriodYears, now);
        Upsert(db, existing, plan, ObligationKind.Exercise, exercise?.DueOn, $"Øvelse: {plan.Title}", PlanDuties.ExerciseIntervalYears, now);
    }

    private const int ElectionPeriodYears = 4;

    private static void Upsert(StabsrumDbContext db, List<Obligation> existing, Plan plan, ObligationKind kind, DateOnly? dueOn, string title, int intervalYears, DateTimeOffset now)
    {
        var obligation = existing.FirstOrDefault(o => o.Kind == kind);
        if (dueOn is not { } due)
        {
            if (obligation is not null)
            {
                db.Obligations.Remove(obligation);
            }

            return;
        }

        if (obligation is null)
        {
            obligation = new Obligation
            {
                OrganisationId = plan.OrganisationId,
                Title = title,
                Kind = kind,
                SourcePlanId = plan.Id,
                ReminderDaysBefore = DefaultReminderDays,
                CreatedAt = now,
            };
            db.Obligations.Add(obligation);
        }

        var owner = string.IsNullOrWhiteSpace(plan.ResponsiblePerson) ? plan.OwnerUnit : plan.ResponsiblePerson;
        var notes = kind == ObligationKind.Revision
            ? "Planen skal revideres mindst én gang i hver valgperiode (beredskabsloven § 25)."
            : "Planen skal øves mindst hvert andet år.";
        title = title.Length <= 200 ? title : title[..200];
        var changed = obligation.Title != title || obligation.DueOn != due || obligation.Owner != owner
            || obligation.ReminderEmail != plan.ReminderEmail || obligation.Notes != notes || obligation.IntervalYears != intervalYears
            || obligation.Recurrence != Recurrence.EveryNYears;
        if (!changed)
        {
            return;
        }

        obligation.Title = title;
        obligation.DueOn = due;
        obligation.Owner = owner;
        obligation.Recurrence = Recurrence.EveryNYears;
        obligation.IntervalYears = intervalYears;
        obligation.ReminderEmail = plan.ReminderEmail;
        obligation.Notes = notes;
        obligation.UpdatedAt = now;
    }
}
