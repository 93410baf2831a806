using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.AnnualWheel;

public sealed record ObligationInput(
    Guid? Id,
    string? Title,
    ObligationKind? Kind,
    string? Owner,
    DateOnly? DueOn,
    Recurrence? Recurrence,
    int? IntervalYears,
    string? Notes,
    int? ReminderDaysBefore,
    string? ReminderEmail);

public sealed record CompleteInput(DateOnly? CompletedOn);

public enum ObligationOutcome
{
    Saved,
    AlreadyExists,
    Invalid,
    NotFound,

    /// <summary>A generated obligation: change the plan instead.</summary>
    Generated,
    Conflict,
}

/// <summary>Writes to the årshjul's own obligations. Generated ones (from the plans register) are changed through their plan.</summary>
public sealed class ObligationChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public const string GeneratedMessage = "Forpligtelsen er dannet af planregistret. Ret planen i stedet.";

    public async Task<(Obligation? Obligation, ObligationOutcome Outcome, ValidationErrors Errors)> CreateAsync(ObligationInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        if (input.Id is { } id)
        {
            var existing = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            if (existing is not null)
            {
                return (existing, ObligationOutcome.AlreadyExists, errors);
            }

            if (await db.Obligations.IgnoreQueryFilters().AnyAsync(o => o.Id == id, ct))
            {
                return (null, ObligationOutcome.Conflict, errors.Add("id", "Id'et er allerede brugt."));
            }
        }

        if (errors.Any)
        {
            return (null, ObligationOutcome.Invalid, errors);
        }

        var now = time.GetUtcNow();
        var obligation = new Obligation { Title = "", OrganisationId = current.RequireOrganisationId(), CreatedAt = now };
        if (input.Id is { } clientId && clientId != Guid.Empty)
        {
            obligation.Id = clientId;
        }

        Apply(obligation, input, now);
        db.Obligations.Add(obligation);
        await db.SaveChangesAsync(ct);
        return (obligation, ObligationOutcome.Saved, errors);
    }

    public async Task<(Obligation? Obligation, ObligationOutcome Outcome, ValidationErrors Errors)> UpdateAsync(Guid id, ObligationInput input, CancellationToken ct)
    {
        var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (obligation is null)
        {
            return (null, ObligationOutcome.NotFound, new ValidationErrors());
        }

        if (obligation.IsGenerated)
        {
            return (obligation, ObligationOutcome.Generated, new ValidationErrors().Add("sourcePlanId", GeneratedMessage));
        }

        var errors = Validate(input);
        if (errors.Any)
        {
            return (null, ObligationOutcome.Invalid, errors);
        }

        Apply(obligation, input, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (obligation, ObligationOutcome.Saved, errors);
    }

    public async Task<ObligationOutcome> DeleteAsync(Guid id, CancellationToken ct)
    {
        var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (obligation is null)
        {
            return ObligationOutcome.NotFound;
        }

        if (obligation.IsGenerated)
        {
            return ObligationOutcome.Generated;
        }

        db.Obligations.Remove(obligation);
        await db.SaveChangesAsync(ct);
        return ObligationOutcome.Saved;
    }

    /// <summary>Marks the current due date done; a recurring obligation moves on to its next due date.</summary>
    public async Task<(Obligation? Obligation, ObligationOutcome Outcome, ValidationErrors Errors)> CompleteAsync(Guid id, CompleteInput input, CancellationToken ct)
    {
        var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (obligation is null)
        {
            return (null, ObligationOutcome.NotFound, new ValidationErrors());
        }

        if (obligation.IsGenerated)
        {
            return (obligation, ObligationOutcome.Generated, new ValidationErrors().Add("sourcePlanId", GeneratedMessage));
        }

        var errors = new ValidationErrors();
        var today = time.Today();
        if (input.CompletedOn is not { } completed)
        {
            errors.Add(nameof(CompleteInput.CompletedOn), "Angiv hvornår forpligtelsen blev udført.");
        }
        else if (completed > today)
        {
            errors.Add(nameof(CompleteInput.CompletedOn), "Udført-datoen kan ikke ligge i fremtiden.");
        }

        if (errors.Any)
        {
            return (null, ObligationOutcome.Invalid, errors);
        }

        obligation.LastCompletedOn = input.CompletedOn;
        if (Obligation.NextAfter(obligation.DueOn, obligation.Recurrence, obligation.IntervalYears) is { } next)
        {
            obligation.DueOn = next;
        }

        obligation.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return (obligation, ObligationOutcome.Saved, errors);
    }

    private static void Apply(Obligation o, ObligationInput input, DateTimeOffset now)
    {
        o.Title = input.Title!.Trim();
        o.Kind = input.Kind!.Value;
        o.Owner = input.Owner?.Trim() ?? "";
        o.DueOn = input.DueOn!.Value;
        o.Recurrence = input.Recurrence ?? Recurrence.None;
        o.IntervalYears = o.Recurrence == Recurrence.EveryNYears ? input.IntervalYears ?? 1 : 1;
        o.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        o.ReminderEmail = string.IsNullOrWhiteSpace(input.ReminderEmail) ? null : input.ReminderEmail.Trim();
        o.ReminderDaysBefore = o.ReminderEmail is null ? null : input.ReminderDaysBefore ?? 14;
        o.UpdatedAt = now;
    }

    public static ValidationErrors Validate(ObligationInput input)
    {
        var errors = new ValidationErrors()
            .Required(nameof(ObligationInput.Title), input.Title, "Titel")
            .Optional(nameof(ObligationInput.Owner), input.Owner, "Ansvarlig", 200)
            .Optional(nameof(ObligationInput.Notes), input.Notes, "Noter", 2000)
            .Optional(nameof(ObligationInput.ReminderEmail), input.ReminderEmail, "E-mail til påmindelse", 256);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(ObligationInput.Kind), "Vælg type.");
        }

        if (input.DueOn is not { } due)
        {
            errors.Add(nameof(ObligationInput.DueOn), "Angiv hvornår forpligtelsen forfalder.");
        }
        else if (due.Year is < 2000 or > 2100)
        {
            errors.Add(nameof(ObligationInput.DueOn), "Forfaldsdatoen skal ligge mellem år 2000 og 2100.");
        }

        if (input.Recurrence is { } recurrence && !Enum.IsDefined(recurrence))
        {
            errors.Add(nameof(ObligationInput.Recurrence), "Ukendt gentagelse.");
        }

        if (input.Recurrence == Recurrence.EveryNYears && input.IntervalYears is not (>= 1 and <= 10))
        {
            errors.Add(nameof(ObligationInput.IntervalYears), "Antal år skal være mellem 1 og 10.");
        }

        if (input.ReminderDaysBefore is < 0 or > 365)
        {
            errors.Add(nameof(ObligationInput.ReminderDaysBefore), "Påmindelse skal være 0–365 dage før.");
        }

        if (!string.IsNullOrWhiteSpace(input.ReminderEmail) && !PlanChanges.IsEmail(input.ReminderEmail))
        {
            errors.Add(nameof(ObligationInput.ReminderEmail), "E-mail til påmindelse er ikke en gyldig e-mailadresse.");
        }

        return errors;
    }
}
