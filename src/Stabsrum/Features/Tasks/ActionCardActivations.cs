using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.ActionCards;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Tasks;

/// <summary>Activate a published action card in an incident. <see cref="Id"/> is the client's idempotency key.</summary>
public sealed record ActivationInput(Guid Id, Guid ActionCardId, int? VersionNumber = null);

public sealed record ActivationDto(
    Guid Id, Guid ActionCardId, Guid ActionCardVersionId, int VersionNumber, string CardTitle, DateTimeOffset ActivatedAt, string ActivatedBy,
    int Tasks, int Done, int Stopped, int Open)
{
    /// <summary>Finished (done, refused or cancelled) out of all, in whole percent.</summary>
    public int PercentFinished => Tasks == 0 ? 100 : (Done + Stopped) * 100 / Tasks;
}

public sealed record ActivationResult(TaskOutcome Outcome, ActivationDto? Activation, ValidationErrors Errors, string? Conflict = null);

/// <summary>
/// Action cards in use: the steps of a published version become tasks for the named roles (origin ActionCardStep,
/// origin id = the version), a log entry records which procedure was taken out, all in one transaction.
/// </summary>
public sealed class ActionCardActivations(StabsrumDbContext db, ITaskIntake intake, CrisisLog.CrisisLog log, CurrentOrganisation current, TimeProvider time)
{
    public async Task<ActivationResult> ActivateAsync(Guid incidentId, ActivationInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.Id == Guid.Empty)
        {
            return new ActivationResult(TaskOutcome.Invalid, null, errors.Add("id", "Aktiveringens id skal være et UUID, som klienten vælger."));
        }

        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new { i.Status }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return new ActivationResult(TaskOutcome.NotFound, null, errors);
        }

        if (await db.ActionCardActivations.AsNoTracking().AnyAsync(a => a.Id == input.Id, ct))
        {
            var stored = (await ForIncidentAsync(db, incidentId, ct)).SingleOrDefault(a => a.Id == input.Id);
            return stored is null
                ? new ActivationResult(TaskOutcome.Conflict, null, errors, "Der findes allerede en aktivering med dette id.")
                : new ActivationResult(TaskOutcome.AlreadyStored, stored, errors);
        }

        if (incident.Status == IncidentStatus.Afsluttet)
        {
            return new ActivationResult(TaskOutcome.Invalid, null, errors.Add("incident", "Hændelsen er afsluttet; der kan ikke tages actionkort i brug."));
        }

        var specs = await ActionCardInstantiation.InstantiateAsync(db, input.ActionCardId, input.VersionNumber, ct);
        if (specs is null)
        {
            return new ActivationResult(TaskOutcome.Invalid, null, errors.Add("actionCardId", "Actionkortet findes ikke, eller versionen er ikke udgivet."));
        }

        if (specs.Count == 0)
        {
            return new ActivationResult(TaskOutcome.Invalid, null, errors.Add("actionCardId", "Actionkortet har ingen trin."));
        }

        var first = specs[0];
        if (await db.ActionCardActivations.AsNoTracking().AnyAsync(a => a.IncidentId == incidentId && a.ActionCardVersionId == first.ActionCardVersionId, ct))
        {
            return new ActivationResult(TaskOutcome.Conflict, null, errors, $"Actionkortet »{first.CardTitle}« version {first.VersionNumber} er allerede taget i brug i hændelsen.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ActionCardActivations.Add(new ActionCardActivation
        {
            Id = input.Id,
            IncidentId = incidentId,
            ActionCardId = first.ActionCardId,
            ActionCardVersionId = first.ActionCardVersionId,
            VersionNumber = first.VersionNumber,
            CardTitle = first.CardTitle,
            ActivatedAt = time.GetUtcNow(),
            ActivatedBy = current.UserName ?? "system",
        });
        foreach (var spec in specs)
        {
            var notes = new[] { spec.Partner is null ? null : $"Samarbejdspartner: {spec.Partner}" }.OfType<string>().ToList();
            await intake.CreateAsync(
                new NewStaffTask(Guid.CreateVersion7(), incidentId, spec.Title, notes.Count == 0 ? null : string.Join("\n", notes), spec.ResponsibleRole, null,
                    TaskOriginKind.ActionCardStep, spec.ActionCardVersionId, $"{spec.CardTitle} (version {spec.VersionNumber}), trin {spec.Order}",
                    OwnerRole: spec.ResponsibleRole),
                ct);
        }

        var appended = await log.AppendAsync(incidentId, new NewLogEntry(input.Id, LogEntryKind.Handling,
            $"Actionkort »{first.CardTitle}« (version {first.VersionNumber}) er taget i brug: {specs.Count} {(specs.Count == 1 ? "opgave" : "opgaver")} oprettet."), ct);
        if (!appended.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ActivationResult(TaskOutcome.Invalid, null, appended.Errors);
        }

        await transaction.CommitAsync(ct);
        return new ActivationResult(TaskOutcome.Created, (await ForIncidentAsync(db, incidentId, ct)).Single(a => a.Id == input.Id), errors);
    }

    /// <summary>The incident's activated cards with their progress, oldest first.</summary>
    public static async Task<List<ActivationDto>> ForIncidentAsync(StabsrumDbContext db, Guid incidentId, CancellationToken ct)
    {
        var activations = await db.ActionCardActivations.AsNoTracking().Where(a => a.IncidentId == incidentId).ToListAsync(ct);
        var counts = await db.StaffTasks.AsNoTracking()
            .Where(t => t.IncidentId == incidentId && t.OriginKind == TaskOriginKind.ActionCardStep)
            .GroupBy(t => new { t.OriginId, t.Status })
            .Select(g => new { g.Key.OriginId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return activations.OrderBy(a => a.ActivatedAt).ThenBy(a => a.Id).Select(a =>
        {
            var mine = counts.Where(c => c.OriginId == a.ActionCardVersionId).ToList();
            int Sum(Func<StaffTaskStatus, bool> which) => mine.Where(c => which(c.Status)).Sum(c => c.Count);
            return new ActivationDto(a.Id, a.ActionCardId, a.ActionCardVersionId, a.VersionNumber, a.CardTitle, a.ActivatedAt, a.ActivatedBy,
                Sum(_ => true), Sum(s => s == StaffTaskStatus.Udfoert), Sum(s => s is StaffTaskStatus.Afvist or StaffTaskStatus.Annulleret), Sum(TaskRules.IsOpen));
        }).ToList();
    }
}
