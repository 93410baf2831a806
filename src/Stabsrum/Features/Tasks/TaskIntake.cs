using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Tasks;

/// <summary>
/// <see cref="ITaskIntake"/> for other features: adds the task and its first history row to the caller's
/// <see cref="StabsrumDbContext"/> without saving, so the task commits (or not) with the caller's own work.
/// A task id that already exists (stored, or added earlier in the same unit of work) is left as it is.
/// Invalid input is a programming error in the caller and throws <see cref="ArgumentException"/> with a Danish message.
/// </summary>
internal sealed class TaskIntake(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time) : ITaskIntake
{
    public async Task CreateAsync(NewStaffTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (db.ChangeTracker.Entries<StaffTask>().Any(e => e.Entity.Id == task.Id)
            || await db.StaffTasks.IgnoreQueryFilters().AnyAsync(t => t.Id == task.Id, cancellationToken))
        {
            return;
        }

        var errors = TaskValidation.ValidateIntake(task);
        if (errors is null && task.IncidentId is { } incidentId && !await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            errors = "Hændelsen findes ikke i organisationen.";
        }

        if (errors is null && task.OwnerKeyPersonId is { } personId && !await db.KeyPersons.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            errors = "Den ansvarlige nøgleperson findes ikke i organisationen.";
        }

        if (errors is not null)
        {
            throw new ArgumentException(errors, nameof(task));
        }

        var now = time.GetUtcNow();
        var by = current.UserName ?? "system";
        var entity = new StaffTask
        {
            Id = task.Id,
            IncidentId = task.IncidentId,
            Title = task.Title.Trim(),
            Description = Clean(task.Description),
            OwnerName = Clean(task.OwnerName) ?? Clean(task.OwnerRole),
            OwnerKeyPersonId = task.OwnerKeyPersonId,
            OwnerRole = Clean(task.OwnerRole),
            Deadline = task.Deadline?.ToUniversalTime(),
            Priority = task.Priority ?? TaskPriority.Normal,
            OriginKind = task.OriginKind,
            OriginId = task.OriginId,
            OriginLabel = Clean(task.OriginLabel),
            Recipient = Clean(task.Recipient),
            CreatedBy = by,
            CreatedByUserId = current.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.StaffTasks.Add(entity);
        db.StaffTaskStatusChanges.Add(new StaffTaskStatusChange
        {
            TaskId = entity.Id,
            FromStatus = null,
            ToStatus = StaffTaskStatus.IkkeStartet,
            ChangedAt = now,
            ChangedBy = by,
            ChangedByUserId = current.UserId,
        });
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
