using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Meetings;

public static class MeetingsDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<MeetingBody> MeetingBodies => db.Set<MeetingBody>();

        public DbSet<BodyPerson> BodyPeople => db.Set<BodyPerson>();

        public DbSet<Meeting> Meetings => db.Set<Meeting>();

        public DbSet<AgendaItem> AgendaItems => db.Set<AgendaItem>();

        public DbSet<AgendaAttachment> AgendaAttachments => db.Set<AgendaAttachment>();

        public DbSet<AgendaVersion> AgendaVersions => db.Set<AgendaVersion>();

        public DbSet<DecisionAction> DecisionActions => db.Set<DecisionAction>();

        public DbSet<MeetingAttendance> MeetingAttendances => db.Set<MeetingAttendance>();

        public DbSet<UnitStatusReport> UnitStatusReports => db.Set<UnitStatusReport>();

        public DbSet<Minutes> Minutes => db.Set<Minutes>();

        public DbSet<MinutesApproval> MinutesApprovals => db.Set<MinutesApproval>();
    }
}

internal sealed class MeetingBodyConfiguration : IEntityTypeConfiguration<MeetingBody>
{
    public void Configure(EntityTypeBuilder<MeetingBody> e)
    {
        e.ToTable("MeetingBodies");
        e.Property(b => b.Name).HasMaxLength(200);
        e.Property(b => b.Description).HasMaxLength(2000);
        e.HasIndex(b => new { b.OrganisationId, b.Name }).IsUnique();
        e.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BodyPersonConfiguration : IEntityTypeConfiguration<BodyPerson>
{
    public void Configure(EntityTypeBuilder<BodyPerson> e)
    {
        e.ToTable("MeetingBodyPeople");
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Email).HasMaxLength(256);
        e.Property(p => p.Title).HasMaxLength(200);
        e.HasIndex(p => new { p.BodyId, p.Email }).IsUnique();
        e.HasOne<MeetingBody>().WithMany().HasForeignKey(p => p.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("Meetings");
        e.Property(m => m.Title).HasMaxLength(300);
        e.Property(m => m.Mode).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.Place).HasMaxLength(300);
        e.Property(m => m.VirtualLink).HasMaxLength(1000);
        e.Property(m => m.CancelReason).HasMaxLength(1000);
        e.HasIndex(m => new { m.BodyId, m.StartsAt });
        e.HasIndex(m => m.IncidentId);
        e.HasOne<MeetingBody>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Incident>().WithMany().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.ToTable("AgendaItems");
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Title).HasMaxLength(300);
        e.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.ProposedBy).HasMaxLength(200);
        e.Property(i => i.JournalNumber).HasMaxLength(100);
        e.Property(i => i.Resume).HasMaxLength(AgendaItem.MaxTextLength);
        e.Property(i => i.Indstilling).HasMaxLength(AgendaItem.MaxTextLength);
        e.Property(i => i.Sagsfremstilling).HasMaxLength(AgendaItem.MaxTextLength);
        e.Property(i => i.OekonomiskeKonsekvenser).HasMaxLength(AgendaItem.MaxTextLength);
        e.Property(i => i.Notes).HasMaxLength(AgendaItem.MaxTextLength);
        e.Property(i => i.Decision).HasMaxLength(AgendaItem.MaxTextLength);
        e.HasIndex(i => new { i.MeetingId, i.Number });
        e.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaAttachmentConfiguration : IEntityTypeConfiguration<AgendaAttachment>
{
    public void Configure(EntityTypeBuilder<AgendaAttachment> e)
    {
        e.ToTable("AgendaAttachments");
        e.Property(a => a.FileName).HasMaxLength(200);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.Property(a => a.Sha256).HasMaxLength(64);
        e.HasIndex(a => a.ItemId);
        e.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaVersionConfiguration : IEntityTypeConfiguration<AgendaVersion>
{
    public void Configure(EntityTypeBuilder<AgendaVersion> e)
    {
        e.ToTable("AgendaVersions");
        e.Property(v => v.PublishedBy).HasMaxLength(256);
        e.HasIndex(v => new { v.MeetingId, v.Version }).IsUnique();
        e.HasOne<Meeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionActionConfiguration : IEntityTypeConfiguration<DecisionAction>
{
    public void Configure(EntityTypeBuilder<DecisionAction> e)
    {
        e.ToTable("DecisionActions");
        e.Property(a => a.Text).HasMaxLength(1000);
        e.Property(a => a.OwnerName).HasMaxLength(200);
        e.HasIndex(a => new { a.ItemId, a.SortOrder });
        e.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> e)
    {
        e.ToTable("MeetingAttendances");
        e.Property(a => a.Name).HasMaxLength(200);
        e.Property(a => a.Note).HasMaxLength(500);
        e.HasIndex(a => new { a.MeetingId, a.Name }).IsUnique();
        e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitStatusReportConfiguration : IEntityTypeConfiguration<UnitStatusReport>
{
    public void Configure(EntityTypeBuilder<UnitStatusReport> e)
    {
        e.ToTable("UnitStatusReports");
        e.Property(r => r.Unit).HasMaxLength(200);
        e.Property(r => r.Text).HasMaxLength(4000);
        e.HasIndex(r => new { r.MeetingId, r.SortOrder });
        e.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesConfiguration : IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Minutes> e)
    {
        e.ToTable("Minutes");
        e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.CorrectionReason).HasMaxLength(2000);
        e.Property(m => m.FiledReference).HasMaxLength(200);
        e.HasIndex(m => new { m.MeetingId, m.Version }).IsUnique();
        e.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesApprovalConfiguration : IEntityTypeConfiguration<MinutesApproval>
{
    public void Configure(EntityTypeBuilder<MinutesApproval> e)
    {
        e.ToTable("MinutesApprovals");
        e.Property(a => a.ApproverName).HasMaxLength(200);
        e.Property(a => a.ApproverEmail).HasMaxLength(256);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Comment).HasMaxLength(4000);
        e.Property(a => a.RespondedBy).HasMaxLength(256);
        e.HasIndex(a => new { a.MinutesId, a.ApproverEmail }).IsUnique();
        e.HasOne<Minutes>().WithMany().HasForeignKey(a => a.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}
