using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CrisisLog;

public enum IncidentStatus
{
    Aktiv,
    Afsluttet,
}

/// <summary>The crisis staff's phase (seed 001 §3): it sets the frame, then operates, then winds down.</summary>
public enum StaffPhase
{
    Rammesaettende,
    Operationel,
    Afviklet,
}

/// <summary>A hændelse: one incident (or exercise) the crisis staff works on, with its level and its log.</summary>
public sealed class Incident : IOrganisationOwned
{
    public const int MaxLevel = 2;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Title { get; set; }

    public required string Type { get; set; }

    public string Description { get; set; } = "";

    public string Area { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>An exercise is marked everywhere, and nothing in it may ever reach real recipients.</summary>
    public bool IsExercise { get; set; }

    public IncidentStatus Status { get; set; }

    public int Level { get; set; }

    public StaffPhase Phase { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Entries in the log so far. Bumped first in every append: the row lock that serialises the chain.</summary>
    public long LogCount { get; set; }

    /// <summary>The newest entry's hash, so cutting entries off the end of the log is detected too.</summary>
    public string LogHeadHash { get; set; } = LogChain.GenesisHash;
}

/// <summary>The organisation's editable list of incident types. Empty means the defaults.</summary>
public sealed class IncidentType : IOrganisationOwned
{
    public static readonly string[] Defaults = ["Vejr", "Forsyningssvigt", "IT/cyber", "Sundhed", "Sikkerhed", "Andet"];

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>
/// Who may do what with an incident, per organisation: a member whose position (stilling) matches may raise
/// the level up to <see cref="MaxLevel"/>, and close the incident if <see cref="MayClose"/>. See ADR 0009.
/// </summary>
public sealed class IncidentAuthorityRule : IOrganisationOwned
{
    public static readonly IReadOnlyList<(string Position, int MaxLevel, bool MayClose)> Defaults =
    [
        ("Centerchef", 1, false),
        ("Direktør", 2, false),
        ("Borgmester", 2, true),
        ("Borgmesterens stedfortræder", 2, true),
    ];

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Position { get; set; }

    public int MaxLevel { get; set; }

    public bool MayClose { get; set; }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> e)
    {
        e.ToTable("Incidents");
        e.Property(i => i.Title).HasMaxLength(200);
        e.Property(i => i.Type).HasMaxLength(80);
        e.Property(i => i.Description).HasMaxLength(4000);
        e.Property(i => i.Area).HasMaxLength(200);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Phase).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.LogHeadHash).HasMaxLength(64);
        e.HasIndex(i => new { i.OrganisationId, i.Status });
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentTypeConfiguration : IEntityTypeConfiguration<IncidentType>
{
    public void Configure(EntityTypeBuilder<IncidentType> e)
    {
        e.ToTable("IncidentTypes");
        e.Property(t => t.Name).HasMaxLength(80);
        e.HasIndex(t => new { t.OrganisationId, t.Name }).IsUnique();
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentAuthorityRuleConfiguration : IEntityTypeConfiguration<IncidentAuthorityRule>
{
    public void Configure(EntityTypeBuilder<IncidentAuthorityRule> e)
    {
        e.ToTable("IncidentAuthorityRules");
        e.Property(r => r.Position).HasMaxLength(80);
        e.HasIndex(r => new { r.OrganisationId, r.Position }).IsUnique();
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Two facts about a member the crisis log needs, kept on the foundation's membership row as shadow columns so
/// the foundation's class stays untouched: the position (stilling) the authority rules match, and clearance
/// to read entries classified fortrolig.
/// </summary>
internal sealed class MembershipCrisisColumns : IEntityTypeConfiguration<Organisations.Membership>
{
    public const string Position = "Position";
    public const string Clearance = "ConfidentialClearance";

    public void Configure(EntityTypeBuilder<Organisations.Membership> e)
    {
        e.Property<string>(Position).IsRequired().HasMaxLength(80).HasDefaultValue("");
        e.Property<bool>(Clearance).HasDefaultValue(false);
    }
}

public static class IncidentDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<Incident> Incidents => db.Set<Incident>();

        public DbSet<IncidentType> IncidentTypes => db.Set<IncidentType>();

        public DbSet<IncidentAuthorityRule> IncidentAuthorityRules => db.Set<IncidentAuthorityRule>();

        public DbSet<CrisisLogEntry> CrisisLogEntries => db.Set<CrisisLogEntry>();

        public DbSet<CrisisLogAttachment> CrisisLogAttachments => db.Set<CrisisLogAttachment>();

        public DbSet<StaffMember> StaffMembers => db.Set<StaffMember>();

        public DbSet<StaffRoleAssignment> StaffRoleAssignments => db.Set<StaffRoleAssignment>();
    }
}
