using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.Account;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Registry;

/// <summary>Danish security clearance levels (sikkerhedsgodkendelse), lowest first.</summary>
public enum ClearanceLevel
{
    TilTjenestebrug,
    Fortroligt,
    Hemmeligt,
    YderstHemmeligt,
}

/// <summary>
/// A key person (nøgleperson, bilag A): someone the crisis staff must be able to reach at 3 a.m.
/// May or may not be a Stabsrum user. Phones are stored normalised to E.164 (+4543972000).
/// </summary>
public sealed class KeyPerson : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public string? Title { get; set; }

    /// <summary>Center or afdeling.</summary>
    public string? Unit { get; set; }

    /// <summary>Work mobile (tjenestemobil): the first number a call-out dials.</summary>
    public string? MobilePhone { get; set; }

    /// <summary>Work landline or switchboard.</summary>
    public string? WorkPhone { get; set; }

    /// <summary>Private number: personal data, shown to planners and administrators only.</summary>
    public string? PrivatePhone { get; set; }

    public string? Email { get; set; }

    public bool HasClearance { get; set; }

    public ClearanceLevel? ClearanceLevel { get; set; }

    public DateOnly? ClearanceExpiresOn { get; set; }

    public string? Notes { get; set; }

    /// <summary>When the person last confirmed their own data (or answered a test call-out).</summary>
    public DateTimeOffset? ContactVerifiedAt { get; set; }

    /// <summary>The Stabsrum user this person is, if any.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Set when the person was erased (GDPR art. 17): the row stays so history keeps its references, but holds no personal data.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Ordered: rank 1 is called first when this person does not answer.</summary>
    public List<KeyPersonSubstitute> Substitutes { get; set; } = [];

    public List<KeyPersonRole> Roles { get; set; } = [];
}

/// <summary>"<see cref="SubstituteId"/> stands in for <see cref="PersonId"/>", rank 1 first.</summary>
public sealed class KeyPersonSubstitute : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public Guid SubstituteId { get; set; }

    public int Rank { get; set; }

    public KeyPerson? Substitute { get; set; }
}

/// <summary>A standing role: the person is a candidate for the staff role when the staff is called in.</summary>
public sealed class KeyPersonRole : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public Guid RoleId { get; set; }

    public StaffRole? Role { get; set; }
}

internal sealed class KeyPersonConfiguration : IEntityTypeConfiguration<KeyPerson>
{
    public void Configure(EntityTypeBuilder<KeyPerson> e)
    {
        e.ToTable("KeyPersons");
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.Unit).HasMaxLength(200);
        e.Property(p => p.MobilePhone).HasMaxLength(20);
        e.Property(p => p.WorkPhone).HasMaxLength(20);
        e.Property(p => p.PrivatePhone).HasMaxLength(20);
        e.Property(p => p.Email).HasMaxLength(256);
        e.Property(p => p.ClearanceLevel).HasConversion<string>().HasMaxLength(40);
        e.Property(p => p.Notes).HasMaxLength(2000);
        e.HasIndex(p => new { p.OrganisationId, p.Name });
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<StabsrumUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(p => p.Substitutes).WithOne().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Roles).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeyPersonSubstituteConfiguration : IEntityTypeConfiguration<KeyPersonSubstitute>
{
    public void Configure(EntityTypeBuilder<KeyPersonSubstitute> e)
    {
        e.ToTable("KeyPersonSubstitutes");
        e.HasIndex(s => new { s.PersonId, s.SubstituteId }).IsUnique();
        e.HasIndex(s => s.SubstituteId);
        e.HasOne(s => s.Substitute).WithMany().HasForeignKey(s => s.SubstituteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeyPersonRoleConfiguration : IEntityTypeConfiguration<KeyPersonRole>
{
    public void Configure(EntityTypeBuilder<KeyPersonRole> e)
    {
        e.ToTable("KeyPersonRoles");
        e.HasIndex(r => new { r.PersonId, r.RoleId }).IsUnique();
        e.HasIndex(r => r.RoleId);
        e.HasOne(r => r.Role).WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}
