using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Situation;

public enum SituationStatus
{
    Kladde,
    Offentliggjort,
}

/// <summary>
/// One version of an incident's situation picture (situationsbillede, seed 001 §4.4). A draft is edited by the
/// secretariat; publishing freezes it, numbers it and writes a log entry. Versions are numbered per incident.
/// </summary>
public sealed class SituationPicture : IOrganisationOwned
{
    public const int MaxSectionLength = 8000;

    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    /// <summary>1, 2, 3 … per incident; a draft holds the number it will be published under.</summary>
    public int Version { get; set; }

    public SituationStatus Status { get; set; }

    public string Overall { get; set; } = "";

    public string Consequences { get; set; } = "";

    public string ResourcesCommitted { get; set; } = "";

    public string ResourcesAvailable { get; set; } = "";

    public string ResourcesNeeded { get; set; } = "";

    public string ExpectedDevelopment { get; set; } = "";

    public string Communication { get; set; } = "";

    public string Decisions { get; set; } = "";

    public DateTimeOffset? NextMeetingAt { get; set; }

    public DateTimeOffset? NextUpdateDue { get; set; }

    /// <summary>The log up to this entry number was offered to the author when the draft was started.</summary>
    public long SeededThroughSequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>The log entry that announced the publication.</summary>
    public Guid? PublishedEntryId { get; set; }

    public List<SituationUnitSection> Units { get; set; } = [];
}

/// <summary>A unit's or centre's own section of a situation picture.</summary>
public sealed class SituationUnitSection : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid PictureId { get; set; }

    public required string Unit { get; set; }

    public string Text { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>One line of an incident's rapporteringsordning: this unit reports every so many minutes.</summary>
public sealed class ReportingUnit : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    public required string Unit { get; set; }

    public int IntervalMinutes { get; set; }

    /// <summary>When the arrangement started for this unit: the first report is due an interval later.</summary>
    public DateTimeOffset Since { get; set; }
}

/// <summary>A report (melding) from a decentral unit or staff representative; it is also a MeldingInd in the log.</summary>
public sealed class UnitReport : IOrganisationOwned
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    public required string Unit { get; set; }

    public required string Situation { get; set; }

    public string? Needs { get; set; }

    public required string ReportedBy { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>The log entry (MeldingInd) the report was written as; the same id as the report.</summary>
    public Guid LogEntryId { get; set; }
}

internal sealed class SituationPictureConfiguration : IEntityTypeConfiguration<SituationPicture>
{
    public void Configure(EntityTypeBuilder<SituationPicture> e)
    {
        e.ToTable("SituationPictures");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        foreach (var name in new[] { nameof(SituationPicture.Overall), nameof(SituationPicture.Consequences), nameof(SituationPicture.ResourcesCommitted), nameof(SituationPicture.ResourcesAvailable), nameof(SituationPicture.ResourcesNeeded), nameof(SituationPicture.ExpectedDevelopment), nameof(SituationPicture.Communication), nameof(SituationPicture.Decisions) })
        {
            e.Property<string>(name).HasMaxLength(SituationPicture.MaxSectionLength);
        }

        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.PublishedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.IncidentId, x.Version }).IsUnique();
        e.HasIndex(x => x.OrganisationId);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Units).WithOne().HasForeignKey(u => u.PictureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SituationUnitSectionConfiguration : IEntityTypeConfiguration<SituationUnitSection>
{
    public void Configure(EntityTypeBuilder<SituationUnitSection> e)
    {
        e.ToTable("SituationUnitSections");
        e.Property(x => x.Unit).HasMaxLength(200);
        e.Property(x => x.Text).HasMaxLength(SituationPicture.MaxSectionLength);
        e.HasIndex(x => new { x.PictureId, x.SortOrder });
    }
}

internal sealed class ReportingUnitConfiguration : IEntityTypeConfiguration<ReportingUnit>
{
    public void Configure(EntityTypeBuilder<ReportingUnit> e)
    {
        e.ToTable("ReportingUnits");
        e.Property(x => x.Unit).HasMaxLength(200);
        e.HasIndex(x => new { x.IncidentId, x.Unit }).IsUnique();
        e.HasIndex(x => x.OrganisationId);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitReportConfiguration : IEntityTypeConfiguration<UnitReport>
{
    public void Configure(EntityTypeBuilder<UnitReport> e)
    {
        e.ToTable("UnitReports");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Unit).HasMaxLength(200);
        e.Property(x => x.Situation).HasMaxLength(UnitReport.MaxTextLength);
        e.Property(x => x.Needs).HasMaxLength(UnitReport.MaxTextLength);
        e.Property(x => x.ReportedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.IncidentId, x.ReportedAt });
        e.HasIndex(x => x.OrganisationId);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class SituationDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<SituationPicture> SituationPictures => db.Set<SituationPicture>();

        public DbSet<SituationUnitSection> SituationUnitSections => db.Set<SituationUnitSection>();

        public DbSet<ReportingUnit> ReportingUnits => db.Set<ReportingUnit>();

        public DbSet<UnitReport> UnitReports => db.Set<UnitReport>();
    }
}
