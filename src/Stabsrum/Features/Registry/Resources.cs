using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Registry;

public enum ResourceAvailability
{
    Tilgaengelig,
    Begraenset,
    IkkeTilgaengelig,
}

/// <summary>A tactical resource (bilag B): what exists, where, and how to get it.</summary>
public sealed class TacticalResource : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public required string Category { get; set; }

    public int Quantity { get; set; } = 1;

    public string? Location { get; set; }

    public string? OwningUnit { get; set; }

    /// <summary>How to requisition: whom to ask.</summary>
    public string? RequisitionContact { get; set; }

    public string? RequisitionPhone { get; set; }

    public ResourceAvailability Availability { get; set; }

    /// <summary>Critical for the plan: shown first and flagged in the beredskabsmappe.</summary>
    public bool Critical { get; set; }

    public string? Notes { get; set; }
}

public enum PartnerKind
{
    Politi,
    Region,
    Forsyning,
    Nabokommune,
    KL,
    Medier,
    Beredskab,
    Myndighed,
    Andet,
}

/// <summary>An external partner (bilag D): who they are, how to reach them, what they can provide.</summary>
public sealed class ExternalPartner : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string OrganisationName { get; set; }

    public PartnerKind Kind { get; set; }

    /// <summary>What they can provide in a crisis.</summary>
    public string? Provides { get; set; }

    public string? Notes { get; set; }

    public List<PartnerContact> Contacts { get; set; } = [];
}

public sealed class PartnerContact : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid PartnerId { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }

    public string? Title { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

internal sealed class TacticalResourceConfiguration : IEntityTypeConfiguration<TacticalResource>
{
    public void Configure(EntityTypeBuilder<TacticalResource> e)
    {
        e.ToTable("TacticalResources");
        e.Property(r => r.Name).HasMaxLength(200);
        e.Property(r => r.Category).HasMaxLength(100);
        e.Property(r => r.Location).HasMaxLength(200);
        e.Property(r => r.OwningUnit).HasMaxLength(200);
        e.Property(r => r.RequisitionContact).HasMaxLength(200);
        e.Property(r => r.RequisitionPhone).HasMaxLength(20);
        e.Property(r => r.Availability).HasConversion<string>().HasMaxLength(40);
        e.Property(r => r.Notes).HasMaxLength(2000);
        e.HasIndex(r => new { r.OrganisationId, r.Category, r.Name });
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExternalPartnerConfiguration : IEntityTypeConfiguration<ExternalPartner>
{
    public void Configure(EntityTypeBuilder<ExternalPartner> e)
    {
        e.ToTable("ExternalPartners");
        e.Property(p => p.OrganisationName).HasMaxLength(200);
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(p => p.Provides).HasMaxLength(2000);
        e.Property(p => p.Notes).HasMaxLength(2000);
        e.HasIndex(p => new { p.OrganisationId, p.OrganisationName });
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> e)
    {
        e.ToTable("PartnerContacts");
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Title).HasMaxLength(200);
        e.Property(c => c.Phone).HasMaxLength(20);
        e.Property(c => c.Email).HasMaxLength(256);
        e.HasIndex(c => new { c.PartnerId, c.Position });
    }
}
