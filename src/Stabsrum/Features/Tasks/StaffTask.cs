using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Tasks;

/// <summary>A task's status (seed 001 §4.3: follow-up on initiated actions).</summary>
public enum StaffTaskStatus
{
    IkkeStartet,
    IGang,
    Udfoert,
    Afvist,
    Annulleret,
}

public enum TaskPriority
{
    Lav,
    Normal,
    Hoej,
    Kritisk,
}

/// <summary>
/// An opgave in the crisis staff (or, without an incident, in the organisation): who does what by when, where it came
/// from, and — for a written order (ordre) — to whom it was given. Status changes only through <see cref="TaskRules"/>.
/// </summary>
public sealed class StaffTask : IOrganisationOwned
{
    public const int MaxTitleLength = 500;
    public const int MaxDescriptionLength = 4000;
    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid? IncidentId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>Display name of the owner: a person, a role or a unit.</summary>
    public string? OwnerName { get; set; }

    public Guid? OwnerKeyPersonId { get; set; }

    /// <summary>A staff role (e.g. Logfører); members holding it in the incident see the task as theirs.</summary>
    public string? OwnerRole { get; set; }

    public Guid? OwnerUserId { get; set; }

    public DateTimeOffset? Deadline { get; set; }

    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    public StaffTaskStatus Status { get; set; }

    /// <summary>Why it was refused or cancelled (required for those two statuses).</summary>
    public string? StatusReason { get; set; }

    public TaskOriginKind OriginKind { get; set; }

    public Guid? OriginId { get; set; }

    public string? OriginLabel { get; set; }

    /// <summary>For a written order: who received it.</summary>
    public string? Recipient { get; set; }

    public required string CreatedBy { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsOpen => TaskRules.IsOpen(Status);

    public bool IsOverdue(DateTimeOffset now) => IsOpen && Deadline is { } deadline && deadline < now;
}

/// <summary>One status change of a task: who, when, from, to and why. Never changed afterwards.</summary>
public sealed class StaffTaskStatusChange : IOrganisationOwned, IAppendOnly
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid TaskId { get; set; }

    /// <summary>Null for the creation.</summary>
    public StaffTaskStatus? FromStatus { get; set; }

    public StaffTaskStatus ToStatus { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required string ChangedBy { get; set; }

    public Guid? ChangedByUserId { get; set; }
}

/// <summary>A published action-card version used in an incident; its steps became tasks (origin ActionCardStep).</summary>
public sealed class ActionCardActivation : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    public Guid ActionCardId { get; set; }

    public Guid ActionCardVersionId { get; set; }

    public int VersionNumber { get; set; }

    public required string CardTitle { get; set; }

    public DateTimeOffset ActivatedAt { get; set; }

    public required string ActivatedBy { get; set; }
}

public static class TasksDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<StaffTask> StaffTasks => db.Set<StaffTask>();

        public DbSet<StaffTaskStatusChange> StaffTaskStatusChanges => db.Set<StaffTaskStatusChange>();

        public DbSet<ActionCardActivation> ActionCardActivations => db.Set<ActionCardActivation>();
    }
}

internal sealed class StaffTaskConfiguration : IEntityTypeConfiguration<StaffTask>
{
    public void Configure(EntityTypeBuilder<StaffTask> e)
    {
        e.ToTable("StaffTasks");
        e.Ignore(t => t.IsOpen);
        e.Property(t => t.Title).HasMaxLength(StaffTask.MaxTitleLength);
        e.Property(t => t.Description).HasMaxLength(StaffTask.MaxDescriptionLength);
        e.Property(t => t.OwnerName).HasMaxLength(StaffTask.MaxNameLength);
        e.Property(t => t.OwnerRole).HasMaxLength(StaffTask.MaxNameLength);
        e.Property(t => t.Priority).HasConversion<string>().HasMaxLength(40);
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(40);
        e.Property(t => t.StatusReason).HasMaxLength(StaffTask.MaxReasonLength);
        e.Property(t => t.OriginKind).HasConversion<string>().HasMaxLength(40);
        e.Property(t => t.OriginLabel).HasMaxLength(StaffTask.MaxTitleLength);
        e.Property(t => t.Recipient).HasMaxLength(StaffTask.MaxNameLength);
        e.Property(t => t.CreatedBy).HasMaxLength(256);
        e.HasIndex(t => new { t.OrganisationId, t.IncidentId, t.Status });
        e.HasIndex(t => t.IncidentId);
        e.HasIndex(t => new { t.OriginKind, t.OriginId });
        e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Incident>().WithMany().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffTaskStatusChangeConfiguration : IEntityTypeConfiguration<StaffTaskStatusChange>
{
    public void Configure(EntityTypeBuilder<StaffTaskStatusChange> e)
    {
        e.ToTable("StaffTaskStatusChanges");
        e.Property(c => c.FromStatus).HasConversion<string>().HasMaxLength(40);
        e.Property(c => c.ToStatus).HasConversion<string>().HasMaxLength(40);
        e.Property(c => c.Reason).HasMaxLength(StaffTask.MaxReasonLength);
        e.Property(c => c.ChangedBy).HasMaxLength(256);
        e.HasIndex(c => new { c.TaskId, c.ChangedAt });
        e.HasOne<StaffTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionCardActivationConfiguration : IEntityTypeConfiguration<ActionCardActivation>
{
    public void Configure(EntityTypeBuilder<ActionCardActivation> e)
    {
        e.ToTable("ActionCardActivations");
        e.Property(a => a.CardTitle).HasMaxLength(200);
        e.Property(a => a.ActivatedBy).HasMaxLength(256);
        e.HasIndex(a => new { a.IncidentId, a.ActionCardVersionId }).IsUnique();
        e.HasIndex(a => a.OrganisationId);
        e.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
