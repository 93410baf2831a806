using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CrisisLog;

public enum ChangeOutcome
{
    Done,
    NotFound,
    Invalid,
    Forbidden,
    Conflict,
}

public sealed record ChangeResult(ChangeOutcome Outcome, ValidationErrors Errors, CrisisLogEntry? Entry = null, string? Detail = null)
{
    public static ChangeResult From(AppendResult r) => r.Outcome switch
    {
        AppendOutcome.Created or AppendOutcome.AlreadyStored => new(ChangeOutcome.Done, r.Errors, r.Entry),
        AppendOutcome.NotFound => new(ChangeOutcome.NotFound, r.Errors),
        AppendOutcome.Conflict => new(ChangeOutcome.Conflict, r.Errors, null, "Der findes allerede en post med dette id, men med andet indhold."),
        _ => new(ChangeOutcome.Invalid, r.Errors),
    };
}

public sealed record NewIncident(string? Title, string? Type, string? Description, string? Area, DateTimeOffset? StartedAt, bool IsExercise);

/// <summary>
/// Changes to an incident and its staff. Each is one transaction that changes the rows and writes the log entry
/// that records who, when and why — so the log is complete by construction.
/// </summary>
public sealed class IncidentChanges(StabsrumDbContext db, CrisisLog log, CurrentOrganisation current, TimeProvider time)
{
    public async Task<(Incident? Incident, ValidationErrors Errors)> CreateAsync(NewIncident input, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required("title", input.Title, "Titel")
            .Required("type", input.Type, "Type", 80)
            .Optional("description", input.Description, "Beskrivelse", 4000)
            .Optional("area", input.Area, "Område", 200);
        var now = time.GetUtcNow();
        if (input.StartedAt > now.AddMinutes(1))
        {
            errors.Add("startedAt", "Starttidspunktet kan ikke ligge i fremtiden.");
        }

        if (!string.IsNullOrWhiteSpace(input.Type) && !(await IncidentTypesAsync(db, ct)).Contains(input.Type.Trim(), StringComparer.Ordinal))
        {
            errors.Add("type", $"Typen '{input.Type}' findes ikke i organisationens liste over hændelsestyper.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var incident = new Incident
        {
            Title = input.Title!.Trim(),
            Type = input.Type!.Trim(),
            Description = input.Description?.Trim() ?? "",
            Area = input.Area?.Trim() ?? "",
            StartedAt = LogChain.Truncate(input.StartedAt ?? now),
            IsExercise = input.IsExercise,
            Status = IncidentStatus.Aktiv,
            Phase = StaffPhase.Rammesaettende,
            CreatedAt = LogChain.Truncate(now),
        };
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(ct);
        var text = (incident.IsExercise ? "Øvelse oprettet: " : "Hændelse oprettet: ") + incident.Title;
        var appended = await log.AppendAsync(incident.Id, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Information, text, incident.StartedAt, Significant: true, Subject: LogSubject.Status), ct);
        if (!appended.Succeeded)
        {
            return (null, appended.Errors);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return (incident, errors);
    }

    public static async Task<List<string>> IncidentTypesAsync(StabsrumDbContext db, CancellationToken ct)
    {
        var own = await db.IncidentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        return own.Count > 0 ? own : [.. IncidentType.Defaults];
    }

    public static async Task<List<IncidentAuthorityRule>> RulesAsync(StabsrumDbContext db, CancellationToken ct)
    {
        var own = await db.IncidentAuthorityRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        return own.Count > 0 ? own : [.. IncidentAuthorityRule.Defaults.Select(d => new IncidentAuthorityRule { Position = d.Position, MaxLevel = d.MaxLevel, MayClose = d.MayClose })];
    }

    /// <summary>The current user's position (stilling) and the rule that matches it, if any.</summary>
    public async Task<(string Position, IncidentAuthorityRule? Rule)> AuthorityAsync(CancellationToken ct)
    {
        if (current.UserId is not { } userId)
        {
            return ("system", new IncidentAuthorityRule { Position = "system", MaxLevel = Incident.MaxLevel, MayClose = true });
        }

        var position = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => EF.Property<string>(m, MembershipCrisisColumns.Position)).FirstOrDefaultAsync(ct) ?? "";
        var rule = (await RulesAsync(db, ct)).FirstOrDefault(r => string.Equals(r.Position, position.Trim(), StringComparison.OrdinalIgnoreCase));
        return (position, rule);
    }

    public async Task<ChangeResult> ChangeLevelAsync(Guid incidentId, int level, string? reason, Guid? entryId, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("reason", reason, "Begrundelse", 4000);
        if (level is < 0 or > Incident.MaxLevel)
        {
            errors.Add("level", "Beredskabsniveauet skal være 0, 1 eller 2.");
        }

        if (errors.Any)
        {
            return new ChangeResult(ChangeOutcome.Invalid, errors);
        }

        return await InLockedIncidentAsync(incidentId, entryId, async (incident, org) =>
        {
            if (incident.Level == level)
            {
                return new ChangeResult(ChangeOutcome.Invalid, errors.Add("level", $"Hændelsen er allerede på {org.LevelName(level)}."));
            }

            var (position, rule) = await AuthorityAsync(ct);
            var needed = Math.Max(level, incident.Level);
            if (rule is null || rule.MaxLevel < needed)
            {
                return new ChangeResult(ChangeOutcome.Forbidden, errors, null,
                    $"Din stilling ({(position.Length == 0 ? "ikke angivet" : position)}) må ikke ændre beredskabsniveauet til eller fra {org.LevelName(needed)}.");
            }

            var from = org.LevelName(incident.Level);
            incident.Level = level;
            return ChangeResult.From(await log.AppendAsync(incidentId, new NewLogEntry(
                entryId ?? Guid.CreateVersion7(), LogEntryKind.Beslutning, $"Beredskabsniveau ændret fra {from} til {org.LevelName(level)}.",
                Significant: true, DecidedBy: $"{current.UserName ?? "system"} ({position})", Rationale: reason, Subject: LogSubject.Level), ct));
        }, ct);
    }

    public async Task<ChangeResult> ChangePhaseAsync(Guid incidentId, StaffPhase phase, string? reason, Guid? entryId, CancellationToken ct)
    {
        var errors = new ValidationErrors().Optional("reason", reason, "Begrundelse", 4000);
        if (!Enum.IsDefined(phase))
        {
            errors.Add("phase", "Fasen skal være rammesættende, operationel eller afviklet.");
        }

        if (errors.Any)
        {
            return new ChangeResult(ChangeOutcome.Invalid, errors);
        }

        return await InLockedIncidentAsync(incidentId, entryId, async (incident, _) =>
        {
            if (incident.Phase == phase)
            {
                return new ChangeResult(ChangeOutcome.Invalid, errors.Add("phase", $"Staben er allerede i fasen {LogEntryView.PhaseName(phase)}."));
            }

            var from = incident.Phase;
            incident.Phase = phase;
            var text = $"Stabens fase ændret fra {LogEntryView.PhaseName(from)} til {LogEntryView.PhaseName(phase)}." + (string.IsNullOrWhiteSpace(reason) ? "" : " " + reason.Trim());
            return ChangeResult.From(await log.AppendAsync(incidentId, new NewLogEntry(entryId ?? Guid.CreateVersion7(), LogEntryKind.Information, text, Significant: true, Subject: LogSubject.Phase), ct));
        }, ct);
    }

    public async Task<ChangeResult> CloseAsync(Guid incidentId, string? reason, Guid? entryId, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("reason", reason, "Begrundelse", 4000);
        if (errors.Any)
        {
            return new ChangeResult(ChangeOutcome.Invalid, errors);
        }

        return await InLockedIncidentAsync(incidentId, entryId, async (incident, _) =>
        {
            var (position, rule) = await AuthorityAsync(ct);
            if (rule is not { MayClose: true })
            {
                return new ChangeResult(ChangeOutcome.Forbidden, errors, null,
                    $"Kun en stilling med ret til at afslutte (fx borgmester eller stedfortræder) kan afslutte hændelsen; din stilling er {(position.Length == 0 ? "ikke angivet" : position)}.");
            }

            var result = ChangeResult.From(await log.AppendAsync(incidentId, new NewLogEntry(
                entryId ?? Guid.CreateVersion7(), LogEntryKind.Beslutning, "Hændelsen er afsluttet.", Significant: true,
                DecidedBy: $"{current.UserName ?? "system"} ({position})", Rationale: reason, Subject: LogSubject.Status), ct));
            if (result.Outcome == ChangeOutcome.Done)
            {
                incident.Status = IncidentStatus.Afsluttet;
                incident.Phase = StaffPhase.Afviklet;
                incident.ClosedAt = LogChain.Truncate(time.GetUtcNow());
                await db.SaveChangesAsync(ct);
            }

            return result;
        }, ct);
    }

    /// <summary>
    /// Runs a change with the incident row locked (a no-op update: a row lock on PostgreSQL, the write lock on
    /// SQLite) so two people changing the level at once take turns and each sees the other's result.
    /// </summary>
    internal async Task<ChangeResult> InLockedIncidentAsync(Guid incidentId, Guid? entryId, Func<Incident, Organisations.Organisation, Task<ChangeResult>> change, CancellationToken ct)
    {
        // Joins a transaction the caller already has open (demo data, other features); commits only its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var locked = await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LogCount, i => i.LogCount), ct);
        var incident = locked == 0 ? null : await db.Incidents.SingleAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return new ChangeResult(ChangeOutcome.NotFound, new ValidationErrors());
        }

        // A retried change (same entry id) answers with the entry it already wrote instead of failing.
        if (entryId is { } key && await db.CrisisLogEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == key && e.IncidentId == incidentId, ct) is { } done)
        {
            return new ChangeResult(ChangeOutcome.Done, new ValidationErrors(), done);
        }

        if (incident.Status == IncidentStatus.Afsluttet)
        {
            return new ChangeResult(ChangeOutcome.Invalid, new ValidationErrors().Add("incident", "Hændelsen er afsluttet og kan ikke ændres."));
        }

        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incident.OrganisationId, ct);
        var result = await change(incident, org);
        if (result.Outcome == ChangeOutcome.Done)
        {
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        else
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(ct);
            }

            db.ChangeTracker.Clear();
        }

        return result;
    }
}
