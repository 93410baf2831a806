using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Organisations;

public enum OrganisationKind
{
    Kommune,
    FaelleskommunaltBeredskab,
    Samarbejde,
}

public sealed class Organisation
{
    public const string DefaultTimeZone = "Europe/Copenhagen";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>While on, the UI shows a clear marker and nothing may reach real recipients.</summary>
    public bool ExerciseMode { get; set; }

    /// <summary>Members must have two-factor authentication to work in this organisation.</summary>
    public bool RequireTwoFactor { get; set; }

    public string TimeZoneId { get; set; } = DefaultTimeZone;

    /// <summary>Municipalities name their preparedness levels differently; these are shown everywhere.</summary>
    public string Level0Name { get; set; } = "Beredskabsniveau 0";

    public string Level1Name { get; set; } = "Beredskabsniveau 1";

    public string Level2Name { get; set; } = "Beredskabsniveau 2";

    public DateTimeOffset CreatedAt { get; set; }

    public List<MemberMunicipality> MemberMunicipalities { get; set; } = [];

    public string LevelName(int level) => level switch
    {
        0 => Level0Name,
        1 => Level1Name,
        2 => Level2Name,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Levels are 0, 1 and 2."),
    };
}

/// <summary>An owner/member municipality of a joint body, with population and cost share.</summary>
public sealed class MemberMunicipality : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public int Population { get; set; }

    /// <summary>Share of the joint body's costs in percent (fordelingsnøgle).</summary>
    public decimal SharePercent { get; set; }
}

/// <summary>A user's role in one organisation.</summary>
public sealed class Membership : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid UserId { get; set; }

    public OrganisationRole Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Organisation? Organisation { get; set; }
}

internal static class OrganisationModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.TimeZoneId).HasMaxLength(64);
            e.Property(o => o.Level0Name).HasMaxLength(80);
            e.Property(o => o.Level1Name).HasMaxLength(80);
            e.Property(o => o.Level2Name).HasMaxLength(80);
            e.HasIndex(o => o.Name).IsUnique();
            e.HasMany(o => o.MemberMunicipalities).WithOne().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<MemberMunicipality>(e =>
        {
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.SharePercent).HasPrecision(7, 4);
            e.HasIndex(m => new { m.OrganisationId, m.Name }).IsUnique();
        });

        model.Entity<Membership>(ConfigureMembership);
    }

    private static void ConfigureMembership(EntityTypeBuilder<Membership> e)
    {
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
        e.HasIndex(m => m.UserId);
        e.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Account.StabsrumUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
