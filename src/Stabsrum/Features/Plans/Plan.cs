using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Plans;

public enum PlanType
{
    Hovedberedskabsplan,
    Delberedskabsplan,
    Sundhedsberedskabsplan,
    PlanForFortsatDrift,
    ActioncardSamling,
    Andet,
}

/// <summary>A plan in the plans register (bilag C): what it is, who owns it, when it was approved and exercised.</summary>
public sealed class Plan : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Title { get; set; }

    public PlanType Type { get; set; }

    /// <summary>Center or afdeling that owns the plan (a delberedskabsplan belongs to a center).</summary>
    public string OwnerUnit { get; set; } = "";

    /// <summary>Free text until key persons can be linked.</summary>
    public string ResponsiblePerson { get; set; } = "";

    /// <summary>The body that approved it, e.g. "Kommunalbestyrelsen".</summary>
    public string? ApprovedBy { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    /// <summary>Sent to Beredskabsstyrelsen (the state agency).</summary>
    public DateOnly? SentToAgencyOn { get; set; }

    public DateOnly? LastExercisedOn { get; set; }

    public DateOnly? LastEvaluatedOn { get; set; }

    public string? LastEvaluationNote { get; set; }

    /// <summary>Where reminders of this plan's revision and exercise go.</summary>
    public string? ReminderEmail { get; set; }

    /// <summary>Plans are archived, never deleted: their document versions are kept.</summary>
    public bool Archived { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<PlanDocumentVersion> Documents { get; set; } = [];

    public PlanDuty Revision(DateOnly today) => PlanDuties.Revision(ApprovedOn, today);

    public PlanDuty? Exercise(DateOnly today) => PlanDuties.Exercise(LastExercisedOn, ApprovedOn, today);
}

/// <summary>One uploaded version of a plan's document. Versions are only ever added.</summary>
public sealed class PlanDocumentVersion : IOrganisationOwned, IAppendOnly
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid PlanId { get; set; }

    public int Number { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex: proves which file was approved.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}

/// <summary>
/// The bytes of a document version, kept apart from its metadata so the audit trail records who uploaded which
/// file (name, size, hash) without copying megabytes into it.
/// </summary>
public sealed class PlanDocumentContent : IOrganisationOwned, IAppendOnly, INotAudited
{
    /// <summary>The same id as the <see cref="PlanDocumentVersion"/> it belongs to.</summary>
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public required byte[] Content { get; set; }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> e)
    {
        e.ToTable("Plans");
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.Type).HasConversion<string>().HasMaxLength(40);
        e.Property(p => p.OwnerUnit).HasMaxLength(200);
        e.Property(p => p.ResponsiblePerson).HasMaxLength(200);
        e.Property(p => p.ApprovedBy).HasMaxLength(200);
        e.Property(p => p.LastEvaluationNote).HasMaxLength(2000);
        e.Property(p => p.ReminderEmail).HasMaxLength(256);
        e.HasIndex(p => new { p.OrganisationId, p.Title });
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanDocumentVersionConfiguration : IEntityTypeConfiguration<PlanDocumentVersion>
{
    public void Configure(EntityTypeBuilder<PlanDocumentVersion> e)
    {
        e.ToTable("PlanDocumentVersions");
        e.Property(d => d.FileName).HasMaxLength(255);
        e.Property(d => d.ContentType).HasMaxLength(100);
        e.Property(d => d.Sha256).HasMaxLength(64);
        e.Property(d => d.UploadedBy).HasMaxLength(256);
        e.HasIndex(d => new { d.PlanId, d.Number }).IsUnique();
        e.HasOne<PlanDocumentContent>().WithOne().HasForeignKey<PlanDocumentContent>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanDocumentContentConfiguration : IEntityTypeConfiguration<PlanDocumentContent>
{
    public void Configure(EntityTypeBuilder<PlanDocumentContent> e)
    {
        e.ToTable("PlanDocumentContents");
        e.Property(c => c.Id).ValueGeneratedNever();
    }
}

public static class PlanDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<Plan> Plans => db.Set<Plan>();

        public DbSet<PlanDocumentVersion> PlanDocumentVersions => db.Set<PlanDocumentVersion>();

        public DbSet<PlanDocumentContent> PlanDocumentContents => db.Set<PlanDocumentContent>();
    }
}
