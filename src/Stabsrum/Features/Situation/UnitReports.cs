using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Situation;

public sealed record UnitReportInput(Guid? Id, string? Unit, string? Situation, string? Needs, DateTimeOffset? ReportedAt);

public sealed record ReportingUnitInput(string? Unit, int? IntervalMinutes);

/// <summary>A unit in the rapporteringsordning and where it stands: last report, next due, overdue.</summary>
public sealed record ReportingStatus(Guid Id, string Unit, int IntervalMinutes, DateTimeOffset? LastReportAt, DateTimeOffset DueAt, bool Overdue);

public sealed record UnitReportResult(SituationOutcome Outcome, UnitReport? Report, ValidationErrors Errors);

/// <summary>
/// Reports from decentral units (meldinger) and the incident's rapporteringsordning. A report is written to the log
/// as a MeldingInd with the report's own id, in the same transaction as the report row, so a retry stores neither twice.
/// </summary>
public sealed class UnitReports(StabsrumDbContext db, CrisisLog.CrisisLog log, TimeProvider time)
{
    public const int MinInterval = 5;
    public const int MaxInterval = 24 * 60;

    public async Task<UnitReportResult> SubmitAsync(Guid incidentId, UnitReportInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.Id is null || input.Id == Guid.Empty)
        {
            errors.Add("id", "Meldingens id skal være et UUID, som klienten vælger.");
        }

        errors.Required("unit", input.Unit, "Enhed").Required("situation", input.Situation, "Situationen", UnitReport.MaxTextLength)
            .Optional("needs", input.Needs, "Behov", UnitReport.MaxTextLength);
        if (errors.Any)
        {
            return new UnitReportResult(SituationOutcome.Invalid, null, errors);
        }

        var id = input.Id!.Value;
        var unit = input.Unit!.Trim();
        var situation = input.Situation!.Trim();
        var needs = string.IsNullOrWhiteSpace(input.Needs) ? null : input.Needs.Trim();
        if (await db.UnitReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } stored)
        {
            var same = stored.IncidentId == incidentId && stored.Unit == unit && stored.Situation == situation && stored.Needs == needs;
            return same
                ? new UnitReportResult(SituationOutcome.Ok, stored, errors)
                : new UnitReportResult(SituationOutcome.Conflict, null, errors.Add("id", "Der findes allerede en melding med dette id, men med andet indhold."));
        }

        var text = $"Melding fra {unit}: {situation}" + (needs is null ? "" : $"\nBehov: {needs}");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var appended = await log.AppendAsync(incidentId, new NewLogEntry(id, LogEntryKind.MeldingInd, text, input.ReportedAt), ct);
        if (!appended.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            var outcome = appended.Outcome switch
            {
                AppendOutcome.NotFound => SituationOutcome.NotFound,
                AppendOutcome.Conflict => SituationOutcome.Conflict,
                _ => SituationOutcome.Invalid,
            };
            return new UnitReportResult(outcome, null, appended.Errors);
        }

        var report = new UnitReport
        {
            Id = id,
            IncidentId = incidentId,
            Unit = unit,
            Situation = situation,
            Needs = needs,
            ReportedBy = appended.Entry!.AuthorName,
            ReportedAt = appended.Entry.OccurredAt,
            LogEntryId = id,
        };
        db.UnitReports.Add(report);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new UnitReportResult(SituationOutcome.Created, report, errors);
    }

    public Task<List<UnitReport>> ListAsync(Guid incidentId, CancellationToken ct) =>
        db.UnitReports.AsNoTracking().Where(r => r.IncidentId == incidentId).OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id).ToListAsync(ct);

    /// <summary>Adds a unit to the arrangement or changes its interval (the unit's name is the key).</summary>
    public async Task<(ReportingUnit? Unit, ValidationErrors Errors, bool Found)> SetUnitAsync(Guid incidentId, ReportingUnitInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("unit", input.Unit, "Enhed");
        if (input.IntervalMinutes is not { } minutes || minutes < MinInterval || minutes > MaxInterval)
        {
            errors.Add("intervalMinutes", $"Hyppigheden skal være mellem {MinInterval} minutter og {MaxInterval / 60} timer.");
        }

        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new { i.Status }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return (null, errors, false);
        }

        if (incident.Status == IncidentStatus.Afsluttet)
        {
            errors.Add("incident", "Hændelsen er afsluttet.");
        }

        if (errors.Any)
        {
            return (null, errors, true);
        }

        var name = input.Unit!.Trim();
        var existing = await db.ReportingUnits.SingleOrDefaultAsync(u => u.IncidentId == incidentId && u.Unit == name, ct);
        if (existing is null)
        {
            existing = new ReportingUnit { IncidentId = incidentId, Unit = name, Since = time.GetUtcNow() };
            db.ReportingUnits.Add(existing);
        }

        existing.IntervalMinutes = input.IntervalMinutes!.Value;
        await db.SaveChangesAsync(ct);
        return (existing, errors, true);
    }

    public async Task<bool> RemoveUnitAsync(Guid incidentId, Guid unitId, CancellationToken ct)
    {
        var unit = await db.ReportingUnits.SingleOrDefaultAsync(u => u.IncidentId == incidentId && u.Id == unitId, ct);
        if (unit is null)
        {
            return false;
        }

        db.ReportingUnits.Remove(unit);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Every unit in the arrangement with its last report and when the next is due; overdue ones first.</summary>
    public async Task<List<ReportingStatus>> StatusAsync(Guid incidentId, CancellationToken ct)
    {
        var units = await db.ReportingUnits.AsNoTracking().Where(u => u.IncidentId == incidentId).ToListAsync(ct);
        var reports = await db.UnitReports.AsNoTracking().Where(r => r.IncidentId == incidentId)
            .Select(r => new { r.Unit, r.ReportedAt }).ToListAsync(ct);
        var now = time.GetUtcNow();
        return units.Select(u =>
            {
                var last = reports.Where(r => string.Equals(r.Unit, u.Unit, StringComparison.OrdinalIgnoreCase)).Select(r => (DateTimeOffset?)r.ReportedAt).Max();
                var due = (last is { } l && l > u.Since ? l : u.Since).AddMinutes(u.IntervalMinutes);
                return new ReportingStatus(u.Id, u.Unit, u.IntervalMinutes, last, due, now > due);
            })
            .OrderByDescending(s => s.Overdue).ThenBy(s => s.DueAt).ThenBy(s => s.Unit, StringComparer.Ordinal).ToList();
    }
}
