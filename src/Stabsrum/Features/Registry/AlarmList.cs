using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Registry;

/// <summary>How a call-out works through an alarm list.</summary>
public enum AlarmMode
{
    /// <summary>Call entries in order (each with its substitutes) and stop at the first person reached: "who decides activation".</summary>
    StopAtFirstContact,

    /// <summary>Notify every entry at once; a role entry is satisfied when its quorum of people has answered.</summary>
    NotifyAll,
}

/// <summary>
/// A named, ordered call list with a purpose (bilag A), e.g. "Aktivering af krisestyring". Entries are persons or
/// staff roles; a person's substitutes come from the person. The call-out feature executes it through
/// <see cref="ContactSequence.Compute"/>.
/// </summary>
public sealed class AlarmList : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public string? Purpose { get; set; }

    public AlarmMode Mode { get; set; }

    public int SortOrder { get; set; }

    public List<AlarmListEntry> Entries { get; set; } = [];
}

/// <summary>One line of an alarm list: exactly one of a person or a role.</summary>
public sealed class AlarmListEntry : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid AlarmListId { get; set; }

    /// <summary>1-based position in the list.</summary>
    public int Position { get; set; }

    public Guid? PersonId { get; set; }

    public Guid? RoleId { get; set; }

    /// <summary>For a role in a notify-all list: how many holders must answer (at least 1 logfører …).</summary>
    public int Quorum { get; set; } = 1;

    public KeyPerson? Person { get; set; }

    public StaffRole? Role { get; set; }
}

internal sealed class AlarmListConfiguration : IEntityTypeConfiguration<AlarmList>
{
    public void Configure(EntityTypeBuilder<AlarmList> e)
    {
        e.ToTable("AlarmLists");
        e.Property(l => l.Name).HasMaxLength(200);
        e.Property(l => l.Purpose).HasMaxLength(1000);
        e.Property(l => l.Mode).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(l => new { l.OrganisationId, l.Name }).IsUnique();
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(l => l.Entries).WithOne().HasForeignKey(x => x.AlarmListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlarmListEntryConfiguration : IEntityTypeConfiguration<AlarmListEntry>
{
    public void Configure(EntityTypeBuilder<AlarmListEntry> e)
    {
        e.ToTable("AlarmListEntries");
        e.HasIndex(x => new { x.AlarmListId, x.Position }).IsUnique();
        e.HasIndex(x => x.PersonId);
        e.HasIndex(x => x.RoleId);

        // A person or role on a list cannot disappear under it: removing it from the list comes first.
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Role).WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Restrict);
    }
}
