using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.Goals.CostKeys;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Goals;

public static class GoalsDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<GoalPlan> GoalPlans => db.Set<GoalPlan>();

        public DbSet<FocusArea> FocusAreas => db.Set<FocusArea>();

        public DbSet<Goal> Goals => db.Set<Goal>();

        public DbSet<Initiative> Initiatives => db.Set<Initiative>();

        public DbSet<InitiativeStatusChange> InitiativeStatusChanges => db.Set<InitiativeStatusChange>();

        public DbSet<ReportingLine> ReportingLines => db.Set<ReportingLine>();

        public DbSet<BenefitAssessment> BenefitAssessments => db.Set<BenefitAssessment>();

        public DbSet<GoalReportIssue> GoalReportIssues => db.Set<GoalReportIssue>();

        public DbSet<KeyFigure> KeyFigures => db.Set<KeyFigure>();

        public DbSet<Measurement> Measurements => db.Set<Measurement>();

        public DbSet<CostKey> CostKeys => db.Set<CostKey>();

        public DbSet<CostKeyShare> CostKeyShares => db.Set<CostKeyShare>();
    }
}

internal sealed class GoalPlanConfiguration : IEntityTypeConfiguration<GoalPlan>
{
    public void Configure(EntityTypeBuilder<GoalPlan> e)
    {
        e.ToTable("GoalPlans");
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(p => p.Description).HasMaxLength(4000);
        e.HasIndex(p => new { p.OrganisationId, p.Name }).IsUnique();
        e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FocusAreaConfiguration : IEntityTypeConfiguration<FocusArea>
{
    public void Configure(EntityTypeBuilder<FocusArea> e)
    {
        e.ToTable("FocusAreas");
        e.Property(f => f.Name).HasMaxLength(200);
        e.HasIndex(f => new { f.PlanId, f.ParentId, f.SortOrder });
        e.HasOne<GoalPlan>().WithMany().HasForeignKey(f => f.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<FocusArea>().WithMany().HasForeignKey(f => f.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> e)
    {
        e.ToTable("Goals");
        e.Property(g => g.Title).HasMaxLength(500);
        e.Property(g => g.Description).HasMaxLength(4000);
        e.Property(g => g.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(g => g.Owner).HasMaxLength(200);
        e.Property(g => g.Approach).HasMaxLength(4000);
        e.Property(g => g.ExpectedBenefits).HasMaxLength(4000);
        e.Property(g => g.IndirectIndicators).HasMaxLength(4000);
        e.Property(g => g.FulfilmentRule).HasConversion<string>().HasMaxLength(40);
        e.Property(g => g.ManualJustification).HasMaxLength(2000);
        e.HasIndex(g => new { g.PlanId, g.Number }).IsUnique();
        e.HasIndex(g => g.FocusAreaId);
        e.HasOne<GoalPlan>().WithMany().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<FocusArea>().WithMany().HasForeignKey(g => g.FocusAreaId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> e)
    {
        e.ToTable("Initiatives");
        e.Ignore(i => i.Schedule);
        e.Property(i => i.Text).HasMaxLength(500);
        e.Property(i => i.Responsible).HasMaxLength(200);
        e.Property(i => i.Description).HasMaxLength(4000);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(i => new { i.GoalId, i.Sequence }).IsUnique();
        e.HasOne<Goal>().WithMany().HasForeignKey(i => i.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InitiativeStatusChangeConfiguration : IEntityTypeConfiguration<InitiativeStatusChange>
{
    public void Configure(EntityTypeBuilder<InitiativeStatusChange> e)
    {
        e.ToTable("InitiativeStatusChanges");
        e.Property(c => c.FromStatus).HasConversion<string>().HasMaxLength(40);
        e.Property(c => c.ToStatus).HasConversion<string>().HasMaxLength(40);
        e.Property(c => c.Comment).HasMaxLength(2000);
        e.Property(c => c.ChangedBy).HasMaxLength(256);
        e.HasIndex(c => new { c.InitiativeId, c.ChangedAt });
        e.HasOne<Initiative>().WithMany().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportingLineConfiguration : IEntityTypeConfiguration<ReportingLine>
{
    public void Configure(EntityTypeBuilder<ReportingLine> e)
    {
        e.ToTable("GoalReportingLines");
        e.Property(r => r.Reporter).HasMaxLength(200);
        e.Property(r => r.Recipient).HasMaxLength(200);
        e.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(40);
        e.Property(r => r.Note).HasMaxLength(1000);
        e.HasIndex(r => r.GoalId);
        e.HasOne<Goal>().WithMany().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BenefitAssessmentConfiguration : IEntityTypeConfiguration<BenefitAssessment>
{
    public void Configure(EntityTypeBuilder<BenefitAssessment> e)
    {
        e.ToTable("BenefitAssessments");
        e.Property(b => b.Period).HasMaxLength(20);
        e.Property(b => b.Evidence).HasMaxLength(4000);
        e.Property(b => b.AssessedBy).HasMaxLength(256);
        e.HasIndex(b => new { b.GoalId, b.PeriodStart });
        e.HasOne<Goal>().WithMany().HasForeignKey(b => b.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalReportIssueConfiguration : IEntityTypeConfiguration<GoalReportIssue>
{
    public void Configure(EntityTypeBuilder<GoalReportIssue> e)
    {
        e.ToTable("GoalReportIssues");
        e.Property(r => r.Audience).HasConversion<string>().HasMaxLength(40);
        e.Property(r => r.IssuedBy).HasMaxLength(256);
        e.HasIndex(r => new { r.PlanId, r.Audience, r.IssuedAt });
        e.HasOne<GoalPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KeyFigureConfiguration : IEntityTypeConfiguration<KeyFigure>
{
    public void Configure(EntityTypeBuilder<KeyFigure> e)
    {
        e.ToTable("KeyFigures");
        e.Property(k => k.Name).HasMaxLength(200);
        e.Property(k => k.Unit).HasConversion<string>().HasMaxLength(40);
        e.Property(k => k.Direction).HasConversion<string>().HasMaxLength(40);
        e.Property(k => k.BaselinePeriod).HasMaxLength(20);
        e.Property(k => k.BaselineValue).HasPrecision(18, 4);
        e.Property(k => k.TargetPeriod).HasMaxLength(20);
        e.Property(k => k.TargetValue).HasPrecision(18, 4);
        e.Property(k => k.Method).HasMaxLength(2000);
        e.Property(k => k.DataSource).HasMaxLength(500);
        e.Property(k => k.MeasuredBy).HasMaxLength(200);
        e.Property(k => k.Frequency).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(k => k.GoalId);
        e.HasOne<Goal>().WithMany().HasForeignKey(k => k.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> e)
    {
        e.ToTable("KeyFigureMeasurements");
        e.Property(m => m.Period).HasMaxLength(20);
        e.Property(m => m.Value).HasPrecision(18, 4);
        e.Property(m => m.Comment).HasMaxLength(1000);
        e.Property(m => m.EnteredBy).HasMaxLength(256);
        e.HasIndex(m => new { m.KeyFigureId, m.Period }).IsUnique();
        e.HasOne<KeyFigure>().WithMany().HasForeignKey(m => m.KeyFigureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CostKeyConfiguration : IEntityTypeConfiguration<CostKey>
{
    public void Configure(EntityTypeBuilder<CostKey> e)
    {
        e.ToTable("CostKeys");
        e.Property(k => k.Name).HasMaxLength(200);
        e.Property(k => k.Method).HasConversion<string>().HasMaxLength(40);
        e.Property(k => k.Note).HasMaxLength(1000);
        e.HasIndex(k => new { k.OrganisationId, k.Name }).IsUnique();
        e.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(k => k.Shares).WithOne().HasForeignKey(s => s.CostKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CostKeyShareConfiguration : IEntityTypeConfiguration<CostKeyShare>
{
    public void Configure(EntityTypeBuilder<CostKeyShare> e)
    {
        e.ToTable("CostKeyShares");
        e.Property(s => s.Municipality).HasMaxLength(200);
        e.Property(s => s.Weight).HasPrecision(18, 4);
        e.HasIndex(s => new { s.CostKeyId, s.Municipality }).IsUnique();
    }
}
