namespace Stabsrum.Features.Tasks;

/// <summary>Where a task came from; every task keeps its origin so follow-up can be traced back (seed 001 §4.3).</summary>
public enum TaskOriginKind
{
    Manual,
    LogDecision,
    Order,
    ActionCardStep,
    MeetingDecision,
    UnitReport,
}

/// <summary>
/// A task to create. <paramref name="Id"/> is made by the caller so a retry never creates it twice.
/// The owner is a person (key person or user), a role or a unit, given as a display name plus optional ids.
/// </summary>
public sealed record NewStaffTask(
    Guid Id,
    Guid? IncidentId,
    string Title,
    string? Description,
    string? OwnerName,
    DateTimeOffset? Deadline,
    TaskOriginKind OriginKind,
    Guid? OriginId = null,
    string? OriginLabel = null,
    Guid? OwnerKeyPersonId = null,
    string? OwnerRole = null,
    TaskPriority? Priority = null,
    string? Recipient = null);

/// <summary>
/// How other features (meetings, action cards, unit reports) create tasks without knowing the task tables.
/// Implemented by the Tasks feature. Joins the caller's transaction on the same <c>StabsrumDbContext</c>:
/// the caller saves; an id that already exists is left as it is.
/// </summary>
public interface ITaskIntake
{
    Task CreateAsync(NewStaffTask task, CancellationToken cancellationToken);
}
