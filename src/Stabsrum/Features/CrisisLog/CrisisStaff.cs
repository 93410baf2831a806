using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CrisisLog;

/// <summary>A person in an incident's crisis staff, from when they joined until they left.</summary>
public sealed class StaffMember : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    /// <summary>Set when the person is a Stabsrum user; external people (police liaison) have only a name.</summary>
    public Guid? UserId { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }
}

/// <summary>A role a staff member held for a time, so "who was logfører at 02:10?" has an answer.</summary>
public sealed class StaffRoleAssignment : IOrganisationOwned
{
    /// <summary>Suggested names (seed 001 §3). Free text for now; the registry's role catalogue replaces this list.</summary>
    public static readonly string[] SuggestedRoles =
    [
        "Stabschef", "Logfører", "Kommunikation", "Presse", "Situationsbillede", "Ressourcer", "Sekretariat", "Forbindelsesofficer",
    ];

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    public Guid StaffMemberId { get; set; }

    public required string RoleName { get; set; }

    public DateTimeOffset AssumedAt { get; set; }

    public DateTimeOffset? RenouncedAt { get; set; }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> e)
    {
        e.ToTable("StaffMembers");
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.IncidentId);
        e.HasIndex(x => x.OrganisationId);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffRoleAssignmentConfiguration : IEntityTypeConfiguration<StaffRoleAssignment>
{
    public void Configure(EntityTypeBuilder<StaffRoleAssignment> e)
    {
        e.ToTable("StaffRoleAssignments");
        e.Property(x => x.RoleName).HasMaxLength(80);
        e.HasIndex(x => new { x.IncidentId, x.RoleName });
        e.HasIndex(x => x.OrganisationId);
        e.HasIndex(x => x.StaffMemberId);
        e.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
