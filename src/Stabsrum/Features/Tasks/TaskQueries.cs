using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Tasks;

public sealed record TaskChangeDto(StaffTaskStatus? From, StaffTaskStatus To, string? Reason, DateTimeOffset ChangedAt, string ChangedBy);

public sealed record TaskDto(
    Guid Id, Guid? IncidentId, string Title, string? Description, string? OwnerName, Guid? OwnerKeyPersonId, string? OwnerRole, Guid? OwnerUserId,
    DateTimeOffset? Deadline, TaskPriority Priority, StaffTaskStatus Status, string? StatusReason, TaskOriginKind OriginKind, Guid? OriginId,
    string? OriginLabel, string? Recipient, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, bool Overdue)
{
    public string StatusName => TaskRules.Label(Status);

    public string PriorityName => TaskRules.Label(Priority);

    public string OriginName => TaskRules.Label(OriginKind);

    public IReadOnlyList<StaffTaskStatus> NextStatuses => TaskRules.NextStatuses(Status);

    public static TaskDto From(StaffTask t, DateTimeOffset now) => new(
        t.Id, t.IncidentId, t.Title, t.Description, t.OwnerName, t.OwnerKeyPersonId, t.OwnerRole, t.OwnerUserId, t.Deadline, t.Priority, t.Status,
        t.StatusReason, t.OriginKind, t.OriginId, t.OriginLabel, t.Recipient, t.CreatedBy, t.CreatedAt, t.CompletedAt, t.IsOverdue(now));
}

public sealed record TaskDetailsDto(TaskDto Task, IReadOnlyList<TaskChangeDto> History);

/// <summary>A filter on a task list: which statuses ("aabne" = not finished), whose, only overdue.</summary>
public sealed record TaskFilter(StaffTaskStatus? Status = null, bool OpenOnly = false, bool OverdueOnly = false, string? Owner = null);

/// <summary>Reading tasks: per incident, "mine opgaver", one with its history. Ordered so what is late and urgent comes first.</summary>
public static class TaskQueries
{
    public static async Task<List<TaskDto>> ForIncidentAsync(StabsrumDbContext db, Guid incidentId, TaskFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        var query = db.StaffTasks.AsNoTracking().Where(t => t.IncidentId == incidentId);
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }
        else if (filter.OpenOnly)
        {
            query = query.Where(t => t.Status == StaffTaskStatus.IkkeStartet || t.Status == StaffTaskStatus.IGang);
        }

        var tasks = await query.ToListAsync(ct);
        return Order(tasks.Where(t => Matches(t, filter, now)), now);
    }

    /// <summary>
    /// The user's open tasks in the organisation: owned by the user, by a key person linked to the user, or by a
    /// role the user holds now in the incident's crisis staff.
    /// </summary>
    public static async Task<List<TaskDto>> MineAsync(StabsrumDbContext db, Guid userId, bool includeFinished, DateTimeOffset now, CancellationToken ct)
    {
        var keyPersons = db.KeyPersons.Where(p => p.UserId == userId).Select(p => (Guid?)p.Id);
        var roles = from a in db.StaffRoleAssignments
                    join m in db.StaffMembers on a.StaffMemberId equals m.Id
                    where m.UserId == userId && a.RenouncedAt == null && m.LeftAt == null
                    select new { a.IncidentId, a.RoleName };
        var query = db.StaffTasks.AsNoTracking().Where(t =>
            t.OwnerUserId == userId
            || keyPersons.Contains(t.OwnerKeyPersonId)
            || roles.Any(r => r.IncidentId == t.IncidentId && r.RoleName == t.OwnerRole));
        if (!includeFinished)
        {
            query = query.Where(t => t.Status == StaffTaskStatus.IkkeStartet || t.Status == StaffTaskStatus.IGang);
        }

        return Order(await query.ToListAsync(ct), now);
    }

    public static async Task<TaskDetailsDto?> DetailsAsync(StabsrumDbContext db, Guid taskId, DateTimeOffset now, CancellationToken ct)
    {
        var task = await db.StaffTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return null;
        }

        var history = await HistoryAsync(db, [taskId], ct);
        return new TaskDetailsDto(TaskDto.From(task, now), history.GetValueOrDefault(taskId, []));
    }

    public static async Task<Dictionary<Guid, List<TaskChangeDto>>> HistoryAsync(StabsrumDbContext db, IReadOnlyCollection<Guid> taskIds, CancellationToken ct)
    {
        var changes = await db.StaffTaskStatusChanges.AsNoTracking().Where(c => taskIds.Contains(c.TaskId)).ToListAsync(ct);
        return changes
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.FromStatus is null ? 0 : 1).ThenBy(c => c.Id)
            .GroupBy(c => c.TaskId)
            .ToDictionary(g => g.Key, g => g.Select(c => new TaskChangeDto(c.FromStatus, c.ToStatus, c.Reason, c.ChangedAt, c.ChangedBy)).ToList());
    }

    /// <summary>Late first, then by deadline (none last), priority (highest first), creation.</summary>
    public static List<TaskDto> Order(IEnumerable<StaffTask> tasks, DateTimeOffset now) =>
        tasks.OrderByDescending(t => t.IsOverdue(now))
            .ThenBy(t => t.IsOpen ? 0 : 1)
            .ThenBy(t => t.Deadline ?? DateTimeOffset.MaxValue)
            .ThenByDescending(t => t.Priority)
            .ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => TaskDto.From(t, now)).ToList();

    private static bool Matches(StaffTask t, TaskFilter filter, DateTimeOffset now) =>
        (!filter.OverdueOnly || t.IsOverdue(now))
        && (string.IsNullOrWhiteSpace(filter.Owner)
            || (t.OwnerName?.Contains(filter.Owner.Trim(), StringComparison.CurrentCultureIgnoreCase) ?? false)
            || (t.OwnerRole?.Contains(filter.Owner.Trim(), StringComparison.CurrentCultureIgnoreCase) ?? false)
            || (t.Recipient?.Contains(filter.Owner.Trim(), StringComparison.CurrentCultureIgnoreCase) ?? false));
}
