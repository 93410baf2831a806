using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.ResourceRequests;

/// <summary>Who asks for assistance (seed 001 §4.3).</summary>
public enum RequesterKind
{
    Enhed,
    Partner,
    Kommune,
}

/// <summary>modtaget → vurderet → imødekommet or videresendt → afsluttet; or afvist with a reason.</summary>
public enum RequestStatus
{
    Modtaget,
    Vurderet,
    Imoedekommet,
    Videresendt,
    Afsluttet,
    Afvist,
}

/// <summary>An anmodning om bistand: what, how much, where, by when, and whom to contact.</summary>
public sealed class ResourceRequest : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    public RequesterKind RequesterKind { get; set; }

    public required string RequesterName { get; set; }

    public required string What { get; set; }

    public int Quantity { get; set; }

    public string? Unit { get; set; }

    public required string Location { get; set; }

    public DateTimeOffset? NeededBy { get; set; }

    public required string Contact { get; set; }

    public RequestStatus Status { get; set; }

    public string? ForwardedTo { get; set; }

    public string? Reason { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One step of a request's flow, with the log entry that recorded it (same id). Never changed afterwards.</summary>
public sealed class ResourceRequestStep : IOrganisationOwned, IAppendOnly
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid RequestId { get; set; }

    public RequestStatus? FromStatus { get; set; }

    public RequestStatus ToStatus { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required string ChangedBy { get; set; }
}

/// <summary>Own tactical resources redeployed to meet a request; released when the request is closed.</summary>
public sealed class ResourceCommitment : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    public Guid RequestId { get; set; }

    /// <summary>The registry's tactical resource (no foreign key: the registry is another feature).</summary>
    public Guid ResourceId { get; set; }

    public required string ResourceName { get; set; }

    public int Quantity { get; set; }

    public DateTimeOffset CommittedAt { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }
}

public static class ResourceRequestDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<ResourceRequest> ResourceRequests => db.Set<ResourceRequest>();

        public DbSet<ResourceRequestStep> ResourceRequestSteps => db.Set<ResourceRequestStep>();

        public DbSet<ResourceCommitment> ResourceCommitments => db.Set<ResourceCommitment>();
    }
}

internal sealed class ResourceRequestConfiguration : IEntityTypeConfiguration<ResourceRequest>
{
    public void Configure(EntityTypeBuilder<ResourceRequest> e)
    {
        e.ToTable("ResourceRequests");
        e.Property(r => r.RequesterKind).HasConversion<string>().HasMaxLength(40);
        e.Property(r => r.RequesterName).HasMaxLength(200);
        e.Property(r => r.What).HasMaxLength(500);
        e.Property(r => r.Unit).HasMaxLength(50);
        e.Property(r => r.Location).HasMaxLength(200);
        e.Property(r => r.Contact).HasMaxLength(200);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        e.Property(r => r.ForwardedTo).HasMaxLength(200);
        e.Property(r => r.Reason).HasMaxLength(2000);
        e.Property(r => r.CreatedBy).HasMaxLength(256);
        e.HasIndex(r => new { r.IncidentId, r.Status });
        e.HasIndex(r => r.OrganisationId);
        e.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceRequestStepConfiguration : IEntityTypeConfiguration<ResourceRequestStep>
{
    public void Configure(EntityTypeBuilder<ResourceRequestStep> e)
    {
        e.ToTable("ResourceRequestSteps");
        e.Property(s => s.FromStatus).HasConversion<string>().HasMaxLength(40);
        e.Property(s => s.ToStatus).HasConversion<string>().HasMaxLength(40);
        e.Property(s => s.Note).HasMaxLength(2000);
        e.Property(s => s.ChangedBy).HasMaxLength(256);
        e.HasIndex(s => new { s.RequestId, s.ChangedAt });
        e.HasOne<ResourceRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceCommitmentConfiguration : IEntityTypeConfiguration<ResourceCommitment>
{
    public void Configure(EntityTypeBuilder<ResourceCommitment> e)
    {
        e.ToTable("ResourceCommitments");
        e.Property(c => c.ResourceName).HasMaxLength(200);
        e.HasIndex(c => new { c.OrganisationId, c.ResourceId });
        e.HasIndex(c => c.IncidentId);
        e.HasIndex(c => c.RequestId);
        e.HasOne<ResourceRequest>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
