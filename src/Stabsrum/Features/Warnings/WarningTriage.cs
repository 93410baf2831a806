using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings;

/// <summary>Records what the staff decided about a warning: dismissed with a reason, or taken into an incident.</summary>
public sealed class WarningTriage(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time, IServiceProvider services)
{
    /// <summary>The incidents feature's link, when registered (see <see cref="IWarningIncidentLink"/>).</summary>
    public IWarningIncidentLink? IncidentLink => services.GetService<IWarningIncidentLink>();

    /// <summary>Null when the warning is not the organisation's; otherwise the validation errors (maybe none).</summary>
    public async Task<ValidationErrors?> DismissAsync(Guid warningId, string? reason, CancellationToken ct)
    {
        var warning = await db.Warnings.FirstOrDefaultAsync(w => w.Id == warningId, ct);
        if (warning is null)
        {
            return null;
        }

        var errors = new ValidationErrors().Required("Reason", reason, "Begrundelse", 2000);
        if (warning.Triage != TriageOutcome.Untriaged)
        {
            errors.Add("Reason", "Varslet er allerede behandlet.");
        }

        if (errors.Any)
        {
            return errors;
        }

        Record(warning, TriageOutcome.Dismissed, reason!.Trim(), null);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<(Guid? IncidentId, ValidationErrors? Errors)> CreateIncidentAsync(Guid warningId, string? title, CancellationToken ct)
    {
        var warning = await db.Warnings.FirstOrDefaultAsync(w => w.Id == warningId, ct);
        if (warning is null)
        {
            return (null, null);
        }

        var errors = Precheck(warning);
        if (errors.Any)
        {
            return (null, errors);
        }

        // One transaction: the incident, its log entries and the triage outcome land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Guid incidentId;
        try
        {
            incidentId = await IncidentLink!.CreateIncidentFromWarningAsync(warningId, title, ct);
        }
        catch (WarningIncidentLinkRefusedException refused)
        {
            return (null, refused.Errors);
        }

        Record(warning, TriageOutcome.IncidentCreated, null, incidentId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (incidentId, errors);
    }

    public async Task<ValidationErrors?> AttachAsync(Guid warningId, Guid incidentId, CancellationToken ct)
    {
        var warning = await db.Warnings.FirstOrDefaultAsync(w => w.Id == warningId, ct);
        if (warning is null)
        {
            return null;
        }

        var errors = Precheck(warning);
        if (errors.Any)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await IncidentLink!.AttachToIncidentAsync(warningId, incidentId, ct);
        }
        catch (KeyNotFoundException)
        {
            return errors.Add("IncidentId", "Hændelsen findes ikke.");
        }
        catch (WarningIncidentLinkRefusedException refused)
        {
            return refused.Errors;
        }

        Record(warning, TriageOutcome.AttachedToIncident, null, incidentId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return errors;
    }

    private ValidationErrors Precheck(Warning warning)
    {
        var errors = new ValidationErrors();
        if (IncidentLink is null)
        {
            errors.Add("Incident", "Hændelsesmodulet er ikke tilgængeligt endnu.");
        }

        if (warning.Triage != TriageOutcome.Untriaged)
        {
            errors.Add("Incident", "Varslet er allerede behandlet.");
        }

        return errors;
    }

    private void Record(Warning warning, TriageOutcome outcome, string? reason, Guid? incidentId)
    {
        warning.Triage = outcome;
        warning.TriageReason = reason;
        warning.IncidentId = incidentId;
        warning.TriagedAt = time.GetUtcNow();
        warning.TriagedBy = current.UserName ?? "system";
    }
}
