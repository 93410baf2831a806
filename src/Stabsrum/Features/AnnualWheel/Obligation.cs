using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.AnnualWheel;

public enum ObligationKind
{
    Revision,
    Exercise,
    IntroductionOfNewManagers,
    HalfYearlyStatus,
    Other,
}

public enum Recurrence
{
    None,
    Yearly,
    HalfYearly,
    EveryNYears,
}

/// <summary>
/// A duty in the årshjul: something someone must do by a date, once or again and again. Revisions and exercises of
/// registered plans are generated from the plans register (<see cref="SourcePlanId"/>) and follow the plan.
/// </summary>
public sealed class Obligation : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Title { get; set; }

    public ObligationKind Kind { get; set; }

    /// <summary>Who must see to it (a person or a unit), free text.</summary>
    public string Owner { get; set; } = "";

    /// <summary>The next time it is due.</summary>
    public DateOnly DueOn { get; set; }

    public Recurrence Recurrence { get; set; }

    /// <summary>For <see cref="Recurrence.EveryNYears"/>: N.</summary>
    public int IntervalYears { get; set; } = 1;

    public string? Notes { get; set; }

    /// <summary>Send a reminder this many days before <see cref="DueOn"/> (none when null).</summary>
    public int? ReminderDaysBefore { get; set; }

    public string? ReminderEmail { get; set; }

    /// <summary>Set for revisions and exercises generated from the plans register; edited through the plan.</summary>
    public Guid? SourcePlanId { get; set; }

    public DateOnly? LastCompletedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsGenerated => SourcePlanId is not null;

    /// <summary>A one-off that has been carried out. A recurring obligation is never done: it moves on.</summary>
    public bool IsDone => Recurrence == Recurrence.None && LastCompletedOn is not null;

    public PlanDuty Duty(DateOnly today) => PlanDuties.Classify(DueOn, today);

    /// <summary>The due date after <paramref name="dueOn"/>, or null for a one-off.</summary>
    public static DateOnly? NextAfter(DateOnly dueOn, Recurrence recurrence, int intervalYears) => recurrence switch
    {
        Recurrence.Yearly => dueOn.AddYears(1),
        Recurrence.HalfYearly => dueOn.AddMonths(6),
        Recurrence.EveryNYears => dueOn.AddYears(Math.Max(1, intervalYears)),
        _ => null,
    };

    /// <summary>Every due date from <see cref="DueOn"/> on that falls within [from, to] (one-offs: at most one).</summary>
    public IEnumerable<DateOnly> Occurrences(DateOnly from, DateOnly to)
    {
        DateOnly? next = DueOn;
        while (next is { } date && date <= to)
        {
            if (date >= from)
            {
                yield return date;
            }

            next = NextAfter(date, Recurrence, IntervalYears);
        }
    }
}

/// <summary>
/// A reminder of one due date of one obligation. Written before the mail is sent and marked sent after, so the
/// reminder job can restart at any moment without losing or repeating a reminder (docs/adr/0008-plan-duties.md).
/// </summary>
public sealed class ReminderDelivery : IOrganisationOwned, INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid ObligationId { get; set; }

    public DateOnly DueOn { get; set; }

    public required string Recipient { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> e)
    {
        e.ToTable("Obligations");
        e.Property(o => o.Title).HasMaxLength(200);
        e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(o => o.Recurrence).HasConversion<string>().HasMaxLength(20);
        e.Property(o => o.Owner).HasMaxLength(200);
        e.Property(o => o.Notes).HasMaxLength(2000);
        e.Property(o => o.ReminderEmail).HasMaxLength(256);
        e.Ignore(o => o.IsGenerated);
        e.Ignore(o => o.IsDone);
        e.HasIndex(o => new { o.OrganisationId, o.DueOn });
        e.HasIndex(o => o.SourcePlanId);
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Plan>().WithMany().HasForeignKey(o => o.SourcePlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> e)
    {
        e.ToTable("ReminderDeliveries");
        e.Property(r => r.Recipient).HasMaxLength(256);
        e.Property(r => r.LastError).HasMaxLength(1000);
        e.HasIndex(r => new { r.ObligationId, r.DueOn }).IsUnique();
        e.HasIndex(r => r.SentAt);
        e.HasOne<Obligation>().WithMany().HasForeignKey(r => r.ObligationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class AnnualWheelDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<Obligation> Obligations => db.Set<Obligation>();

        public DbSet<ReminderDelivery> ReminderDeliveries => db.Set<ReminderDelivery>();
    }
}
