using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Tasks;

public enum TaskOutcome
{
    Created,
    AlreadyStored,
    Changed,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record TaskResult(TaskOutcome Outcome, StaffTask? Task, ValidationErrors Errors, string? Conflict = null);

/// <summary>
/// Creating tasks from the pages and the API (manual, written orders, from a logged decision) and changing their
/// status. A written order is also a log entry of kind Ordre, written in the same transaction with the task's id.
/// </summary>
public sealed class TaskChanges(StabsrumDbContext db, ITaskIntake intake, CrisisLog.CrisisLog log, CurrentOrganisation current, TimeProvider time)
{
    public async Task<TaskResult> CreateAsync(Guid? incidentId, TaskInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = TaskValidation.Validate(input, now);
        if (errors.Any)
        {
            return new TaskResult(TaskOutcome.Invalid, null, errors);
        }

        if (await db.StaffTasks.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.Id, ct) is { } existing)
        {
            return existing.OrganisationId == current.OrganisationId && existing.IncidentId == incidentId && existing.Title == input.Title!.Trim()
                ? new TaskResult(TaskOutcome.AlreadyStored, existing, errors)
                : new TaskResult(TaskOutcome.Conflict, null, errors, "Der findes allerede en opgave med dette id, men med andet indhold.");
        }

        Incident? incident = null;
        if (incidentId is { } iid)
        {
            incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == iid, ct);
            if (incident is null)
            {
                return new TaskResult(TaskOutcome.NotFound, null, errors);
            }

            if (incident.Status == IncidentStatus.Afsluttet)
            {
                return new TaskResult(TaskOutcome.Invalid, null, errors.Add("incident", "Hændelsen er afsluttet; der kan ikke oprettes nye opgaver."));
            }
        }

        await ValidateReferencesAsync(incidentId, input, errors, ct);
        if (input.Recipient is not null && !string.IsNullOrWhiteSpace(input.Recipient) && incidentId is null)
        {
            errors.Add("recipient", "En ordre skal gives i en hændelse.");
        }

        if (errors.Any)
        {
            return new TaskResult(TaskOutcome.Invalid, null, errors);
        }

        var isOrder = !string.IsNullOrWhiteSpace(input.Recipient);
        var (origin, originId, originLabel) = isOrder
            ? (TaskOriginKind.Order, input.Id, $"Ordre til {input.Recipient!.Trim()}")
            : input.FromLogEntryId is { } entryId
                ? (TaskOriginKind.LogDecision, (Guid?)entryId, await DecisionLabelAsync(entryId, ct))
                : (TaskOriginKind.Manual, (Guid?)null, (string?)null);

        await using var transaction = await JoinableTransaction.BeginOrJoinAsync(db.Database, ct);
        await intake.CreateAsync(
            new NewStaffTask(input.Id, incidentId, input.Title!, input.Description, input.OwnerName, input.Deadline, origin, originId, originLabel,
                input.OwnerKeyPersonId, input.OwnerRole, input.Priority, isOrder ? input.Recipient : null),
            ct);
        var task = db.ChangeTracker.Entries<StaffTask>().Single(e => e.Entity.Id == input.Id).Entity;
        task.OwnerUserId = input.OwnerUserId;
        if (isOrder)
        {
            var text = string.IsNullOrWhiteSpace(input.Description) ? task.Title : $"{task.Title}\n\n{task.Description}";
            var appended = await log.AppendAsync(incidentId!.Value, new NewLogEntry(task.Id, LogEntryKind.Ordre, text, Recipient: task.Recipient), ct);
            if (!appended.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return appended.Outcome == AppendOutcome.Conflict
                    ? new TaskResult(TaskOutcome.Conflict, null, errors, "Der findes allerede en logpost med dette id.")
                    : new TaskResult(TaskOutcome.Invalid, null, appended.Errors);
            }
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new TaskResult(TaskOutcome.Created, task, errors);
    }

    public async Task<TaskResult> TransitionAsync(Guid taskId, TaskTransitionInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var task = await db.StaffTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return new TaskResult(TaskOutcome.NotFound, null, errors);
        }

        if (input.ChangeId is { } changeId && await db.StaffTaskStatusChanges.AnyAsync(c => c.Id == changeId && c.TaskId == taskId, ct))
        {
            return new TaskResult(TaskOutcome.AlreadyStored, task, errors);
        }

        if (!Enum.IsDefined(input.Status))
        {
            return new TaskResult(TaskOutcome.Invalid, null, errors.Add("status", "Ukendt status."));
        }

        errors.Optional("reason", input.Reason, "Begrundelsen", StaffTask.MaxReasonLength);
        if (errors.Any)
        {
            return new TaskResult(TaskOutcome.Invalid, null, errors);
        }

        if (TaskRules.Refusal(task.Status, input.Status) is { } refusal)
        {
            return new TaskResult(TaskOutcome.Conflict, task, errors, refusal);
        }

        if (TaskRules.RequiresReason(input.Status) && string.IsNullOrWhiteSpace(input.Reason))
        {
            return new TaskResult(TaskOutcome.Invalid, null, errors.Add("reason", TaskRules.ReasonRequired(input.Status)));
        }

        var now = time.GetUtcNow();
        var by = current.UserName ?? "system";
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        db.StaffTaskStatusChanges.Add(new StaffTaskStatusChange
        {
            Id = input.ChangeId ?? Guid.CreateVersion7(),
            TaskId = task.Id,
            FromStatus = task.Status,
            ToStatus = input.Status,
            Reason = reason,
            ChangedAt = now,
            ChangedBy = by,
            ChangedByUserId = current.UserId,
        });
        task.Status = input.Status;
        task.UpdatedAt = now;
        task.StatusReason = TaskRules.RequiresReason(input.Status) ? reason : task.StatusReason;
        task.CompletedAt = input.Status == StaffTaskStatus.Udfoert ? now : task.CompletedAt;
        await db.SaveChangesAsync(ct);
        return new TaskResult(TaskOutcome.Changed, task, errors);
    }

    private async Task ValidateReferencesAsync(Guid? incidentId, TaskInput input, ValidationErrors errors, CancellationToken ct)
    {
        if (input.OwnerKeyPersonId is { } personId && !await db.KeyPersons.AnyAsync(p => p.Id == personId, ct))
        {
            errors.Add("ownerKeyPersonId", "Den ansvarlige nøgleperson findes ikke i organisationen.");
        }

        if (input.OwnerUserId is { } userId && !await db.Memberships.AnyAsync(m => m.UserId == userId, ct))
        {
            errors.Add("ownerUserId", "Brugeren er ikke medlem af organisationen.");
        }

        if (input.FromLogEntryId is { } entryId
            && !await db.CrisisLogEntries.AnyAsync(e => e.Id == entryId && e.IncidentId == incidentId && e.Kind == LogEntryKind.Beslutning, ct))
        {
            errors.Add("fromLogEntryId", "Opgaven skal komme fra en beslutning i samme hændelses log.");
        }
    }

    private async Task<string> DecisionLabelAsync(Guid entryId, CancellationToken ct)
    {
        var entry = await db.CrisisLogEntries.AsNoTracking().Where(e => e.Id == entryId).Select(e => new { e.Sequence, e.Text }).SingleAsync(ct);
        var text = entry.Text.Length > 120 ? entry.Text[..120] + "…" : entry.Text;
        return $"Beslutning nr. {entry.Sequence}: {text}";
    }
}
