using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CaseFile;

/// <summary>
/// The record that an incident was filed (journaliseret): who, when, with or without fortrolig content, and the
/// SHA-256 of the PDF and the ZIP handed out. Written by every export (and audited like every write), not into the
/// log, because a closed incident's log is closed and because the export must not change what it exports.
/// </summary>
public sealed class CaseFileExport : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    public DateTimeOffset ExportedAt { get; set; }

    public required string ExportedBy { get; set; }

    public bool IncludedConfidential { get; set; }

    public long LogEntries { get; set; }

    public bool ChainIntact { get; set; }

    public required string PdfSha256 { get; set; }

    public required string ZipSha256 { get; set; }
}

internal sealed class CaseFileExportConfiguration : IEntityTypeConfiguration<CaseFileExport>
{
    public void Configure(EntityTypeBuilder<CaseFileExport> e)
    {
        e.ToTable("CaseFileExports");
        e.Property(x => x.ExportedBy).HasMaxLength(200);
        e.Property(x => x.PdfSha256).HasMaxLength(64);
        e.Property(x => x.ZipSha256).HasMaxLength(64);
        e.HasIndex(x => new { x.IncidentId, x.ExportedAt });
        e.HasIndex(x => x.OrganisationId);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class CaseFileDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<CaseFileExport> CaseFileExports => db.Set<CaseFileExport>();
    }
}
