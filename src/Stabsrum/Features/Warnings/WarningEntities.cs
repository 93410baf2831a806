using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Warnings;

public static class WarningDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<Warning> Warnings => db.Set<Warning>();

        public DbSet<WarningDocument> WarningDocuments => db.Set<WarningDocument>();

        public DbSet<WarningReference> WarningReferences => db.Set<WarningReference>();

        public DbSet<WarningArea> WarningAreas => db.Set<WarningArea>();

        public DbSet<WarningFeed> WarningFeeds => db.Set<WarningFeed>();

        public DbSet<WarningSettings> WarningSettings => db.Set<WarningSettings>();

        public DbSet<WarningNotification> WarningNotifications => db.Set<WarningNotification>();
    }
}

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> b)
    {
        b.ToTable("Warnings");
        b.Property(w => w.Origin).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.Sender).HasMaxLength(500);
        b.Property(w => w.Identifier).HasMaxLength(500);
        b.Property(w => w.Status).HasMaxLength(20);
        b.Property(w => w.MsgType).HasMaxLength(20);
        b.Property(w => w.Scope).HasMaxLength(20);
        b.Property(w => w.Event).HasMaxLength(500);
        b.Property(w => w.Headline).HasMaxLength(1000);
        b.Property(w => w.Urgency).HasMaxLength(20);
        b.Property(w => w.Severity).HasMaxLength(20);
        b.Property(w => w.Certainty).HasMaxLength(20);
        b.Property(w => w.AreaDescription).HasMaxLength(2000);
        b.Property(w => w.AwarenessLevel).HasConversion<int?>();
        b.Property(w => w.AwarenessType).HasConversion<int?>();
        b.Property(w => w.SourceName).HasMaxLength(200);
        b.Property(w => w.SourceUrl).HasMaxLength(2000);
        b.Property(w => w.ReceivedBy).HasMaxLength(256);
        b.Property(w => w.RelevanceReason).HasMaxLength(1000);
        b.Property(w => w.Triage).HasConversion<string>().HasMaxLength(30);
        b.Property(w => w.TriageReason).HasMaxLength(2000);
        b.Property(w => w.TriagedBy).HasMaxLength(256);
        b.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(w => w.References).WithOne().HasForeignKey(r => r.WarningId).OnDelete(DeleteBehavior.Cascade);

        // The same alert (sender + identifier + sent) is stored once per organisation, also under a race.
        b.HasIndex(w => new { w.OrganisationId, w.Sender, w.Identifier, w.Sent }).IsUnique();
        b.HasIndex(w => new { w.OrganisationId, w.ReceivedAt });
        b.HasIndex(w => new { w.OrganisationId, w.SourceUrl });
    }
}

internal sealed class WarningDocumentConfiguration : IEntityTypeConfiguration<WarningDocument>
{
    public void Configure(EntityTypeBuilder<WarningDocument> b)
    {
        b.ToTable("WarningDocuments");
        b.HasKey(d => d.WarningId);
        b.HasOne<Warning>().WithOne().HasForeignKey<WarningDocument>(d => d.WarningId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.OrganisationId);
    }
}

internal sealed class WarningReferenceConfiguration : IEntityTypeConfiguration<WarningReference>
{
    public void Configure(EntityTypeBuilder<WarningReference> b)
    {
        b.ToTable("WarningReferences");
        b.Property(r => r.Sender).HasMaxLength(500);
        b.Property(r => r.Identifier).HasMaxLength(500);
        b.HasIndex(r => r.WarningId);
        b.HasIndex(r => new { r.OrganisationId, r.Sender, r.Identifier, r.Sent });
    }
}
