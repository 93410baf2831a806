using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.AnnualWheel;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Plans;

public sealed record PlanInput(
    Guid? Id,
    string? Title,
    PlanType? Type,
    string? OwnerUnit,
    string? ResponsiblePerson,
    string? ApprovedBy,
    DateOnly? ApprovedOn,
    DateOnly? SentToAgencyOn,
    DateOnly? LastExercisedOn,
    DateOnly? LastEvaluatedOn,
    string? LastEvaluationNote,
    string? ReminderEmail);

public enum PlanSaveOutcome
{
    Created,
    AlreadyExists,
    Updated,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>Every write to the plans register, shared by the API and the pages: validation, then one save with the årshjul.</summary>
public sealed class PlanChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public async Task<(Plan? Plan, PlanSaveOutcome Outcome, ValidationErrors Errors)> CreateAsync(PlanInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (input.Id is { } id)
        {
            // A client-made id makes a retried create harmless: the same id answers with the plan already made.
            var existing = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (existing is not null)
            {
                return (existing, PlanSaveOutcome.AlreadyExists, errors);
            }

            if (await db.Plans.IgnoreQueryFilters().AnyAsync(p => p.Id == id, ct))
            {
                return (null, PlanSaveOutcome.Conflict, errors.Add("id", "Id'et er allerede brugt."));
            }
        }

        if (errors.Any)
        {
            return (null, PlanSaveOutcome.Invalid, errors);
        }

        var now = time.GetUtcNow();
        var plan = new Plan { Title = "", CreatedAt = now };
        if (input.Id is { } clientId && clientId != Guid.Empty)
        {
            plan.Id = clientId;
        }

        plan.OrganisationId = current.RequireOrganisationId();
        Apply(plan, input, now);
        db.Plans.Add(plan);
        await PlanObligationSync.SyncAsync(db, plan, time.Today(), now, ct);
        await db.SaveChangesAsync(ct);
        return (plan, PlanSaveOutcome.Created, errors);
    }

    public async Task<(Plan? Plan, PlanSaveOutcome Outcome, ValidationErrors Errors)> UpdateAsync(Guid id, PlanInput input, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return (null, PlanSaveOutcome.NotFound, new ValidationErrors());
        }

        var errors = Validate(input);
        if (errors.Any)
        {
            return (null, PlanSaveOutcome.Invalid, errors);
        }

        var now = time.GetUtcNow();
        Apply(plan, input, now);
        await PlanObligationSync.SyncAsync(db, plan, time.Today(), now, ct);
        await db.SaveChangesAsync(ct);
        return (plan, PlanSaveOutcome.Updated, errors);
    }

    /// <summary>Archives or restores a plan; an archived plan leaves the årshjul and the overview.</summary>
    public async Task<Plan?> SetArchivedAsync(Guid id, bool archived, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        plan.Archived = archived;
        plan.UpdatedAt = now;
        await PlanObligationSync.SyncAsync(db, plan, time.Today(), now, ct);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    private static void Apply(Plan plan, PlanInput input, DateTimeOffset now)
    {
        plan.Title = input.Title!.Trim();
        plan.Type = input.Type!.Value;
        plan.OwnerUnit = input.OwnerUnit?.Trim() ?? "";
        plan.ResponsiblePerson = input.ResponsiblePerson?.Trim() ?? "";
        plan.ApprovedBy = Blank(input.ApprovedBy);
        plan.ApprovedOn = input.ApprovedOn;
        plan.SentToAgencyOn = input.SentToAgencyOn;
        plan.LastExercisedOn = input.LastExercisedOn;
        plan.LastEvaluatedOn = input.LastEvaluatedOn;
        plan.LastEvaluationNote = Blank(input.LastEvaluationNote);
        plan.ReminderEmail = Blank(input.ReminderEmail);
        plan.UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public ValidationErrors Validate(PlanInput input)
    {
        var today = time.Today();
        var errors = new ValidationErrors()
            .Required(nameof(PlanInput.Title), input.Title, "Titel")
            .Optional(nameof(PlanInput.OwnerUnit), input.OwnerUnit, "Ejer (enhed)", 200)
            .Optional(nameof(PlanInput.ResponsiblePerson), input.ResponsiblePerson, "Ansvarlig", 200)
            .Optional(nameof(PlanInput.ApprovedBy), input.ApprovedBy, "Godkendt af", 200)
            .Optional(nameof(PlanInput.LastEvaluationNote), input.LastEvaluationNote, "Seneste evaluering", 2000)
            .Optional(nameof(PlanInput.ReminderEmail), input.ReminderEmail, "E-mail til påmindelser", 256);
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(nameof(PlanInput.Type), "Vælg plantype.");
        }

        NotInFuture(errors, nameof(PlanInput.ApprovedOn), input.ApprovedOn, "Godkendelsesdatoen", today);
        NotInFuture(errors, nameof(PlanInput.SentToAgencyOn), input.SentToAgencyOn, "Datoen for indsendelse til Beredskabsstyrelsen", today);
        NotInFuture(errors, nameof(PlanInput.LastExercisedOn), input.LastExercisedOn, "Datoen for seneste øvelse", today);
        NotInFuture(errors, nameof(PlanInput.LastEvaluatedOn), input.LastEvaluatedOn, "Datoen for seneste evaluering", today);
        if (input.ApprovedOn is not null && string.IsNullOrWhiteSpace(input.ApprovedBy))
        {
            errors.Add(nameof(PlanInput.ApprovedBy), "Angiv hvem der godkendte planen (fx Kommunalbestyrelsen).");
        }

        if (input.SentToAgencyOn is { } sent && input.ApprovedOn is { } approved && sent < approved)
        {
            errors.Add(nameof(PlanInput.SentToAgencyOn), "Planen kan ikke være sendt til Beredskabsstyrelsen før den blev godkendt.");
        }

        if (!string.IsNullOrWhiteSpace(input.ReminderEmail) && !IsEmail(input.ReminderEmail))
        {
            errors.Add(nameof(PlanInput.ReminderEmail), "E-mail til påmindelser er ikke en gyldig e-mailadresse.");
        }

        return errors;
    }

    private static void NotInFuture(ValidationErrors errors, string field, DateOnly? date, string label, DateOnly today)
    {
        if (date is { } d && d > today)
        {
            errors.Add(field, $"{label} kan ikke ligge i fremtiden ({LocalDate.Format(d)}).");
        }
        else if (date is { Year: < 1950 })
        {
            errors.Add(field, $"{label} er ikke en gyldig dato.");
        }
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
