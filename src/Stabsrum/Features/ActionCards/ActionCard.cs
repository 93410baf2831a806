using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.ActionCards;

public enum ActionCardStatus
{
    Draft,
    Published,
}

/// <summary>An action card (bilag F): a checklist for a role or a situation, kept as numbered versions.</summary>
public sealed class ActionCard : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    /// <summary>The latest version's title, for lists.</summary>
    public required string Title { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ActionCardVersion> Versions { get; set; } = [];

    /// <summary>The version to use in an incident: the newest published one.</summary>
    public ActionCardVersion? CurrentPublished => Versions.Where(v => v.Status == ActionCardStatus.Published).MaxBy(v => v.Number);

    public ActionCardVersion? Draft => Versions.SingleOrDefault(v => v.Status == ActionCardStatus.Draft);
}

/// <summary>
/// One version of an action card. A published version is never changed again: editing a card makes a new draft
/// version, and incidents refer to the exact version they used.
/// </summary>
public sealed class ActionCardVersion : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid ActionCardId { get; set; }

    public int Number { get; set; }

    public ActionCardStatus Status { get; set; }

    public required string Title { get; set; }

    /// <summary>The role or situation the card is for, e.g. "Tovholder for krisesekretariatet" or "Skybrud".</summary>
    public string RoleOrSituation { get; set; } = "";

    /// <summary>When the card is taken out: the situation or decision that triggers it.</summary>
    public string Trigger { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public List<ActionCardStep> Steps { get; set; } = [];

    /// <summary>
    /// The version as tasks, one per step in order: what an incident turns into its task list when the card is used.
    /// Pure; only published versions may be instantiated (a draft is not yet the organisation's procedure).
    /// </summary>
    public IReadOnlyList<ActionCardTaskSpec> Instantiate()
    {
        if (Status != ActionCardStatus.Published)
        {
            throw new InvalidOperationException($"Version {Number} of action card {ActionCardId} is a draft and cannot be used as tasks.");
        }

        return Steps.OrderBy(s => s.Position)
            .Select((s, index) => new ActionCardTaskSpec(
                Title: s.Text,
                ResponsibleRole: string.IsNullOrWhiteSpace(s.ResponsibleRole) ? null : s.ResponsibleRole,
                Order: index + 1,
                ActionCardId: ActionCardId,
                ActionCardVersionId: Id,
                VersionNumber: Number,
                CardTitle: Title,
                PlanId: s.PlanId,
                Partner: string.IsNullOrWhiteSpace(s.Partner) ? null : s.Partner))
            .ToList();
    }
}

/// <summary>One step of a version: what to do, and which role does it.</summary>
public sealed class ActionCardStep : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid VersionId { get; set; }

    /// <summary>1-based order within the version.</summary>
    public int Position { get; set; }

    public required string Text { get; set; }

    /// <summary>Role name as in the role catalogue (free text: the catalogue is another feature).</summary>
    public string ResponsibleRole { get; set; } = "";

    /// <summary>Optional link to a plan in the plans register.</summary>
    public Guid? PlanId { get; set; }

    /// <summary>Optional partner (bilag D) by name.</summary>
    public string? Partner { get; set; }
}

/// <summary>
/// A task to create from an action card step. The incident feature turns these into tasks and keeps the source
/// (card, version id and number, step order) so the log can show which procedure was followed.
/// </summary>
public sealed record ActionCardTaskSpec(
    string Title,
    string? ResponsibleRole,
    int Order,
    Guid ActionCardId,
    Guid ActionCardVersionId,
    int VersionNumber,
    string CardTitle,
    Guid? PlanId,
    string? Partner);

internal sealed class ActionCardConfiguration : IEntityTypeConfiguration<ActionCard>
{
    public void Configure(EntityTypeBuilder<ActionCard> e)
    {
        e.ToTable("ActionCards");
        e.Property(c => c.Title).HasMaxLength(200);
        e.Ignore(c => c.CurrentPublished);
        e.Ignore(c => c.Draft);
        e.HasIndex(c => new { c.OrganisationId, c.Title });
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.ActionCardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionCardVersionConfiguration : IEntityTypeConfiguration<ActionCardVersion>
{
    public void Configure(EntityTypeBuilder<ActionCardVersion> e)
    {
        e.ToTable("ActionCardVersions");
        e.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.Title).HasMaxLength(200);
        e.Property(v => v.RoleOrSituation).HasMaxLength(200);
        e.Property(v => v.Trigger).HasMaxLength(2000);
        e.Property(v => v.CreatedBy).HasMaxLength(256);
        e.Property(v => v.PublishedBy).HasMaxLength(256);
        e.HasIndex(v => new { v.ActionCardId, v.Number }).IsUnique();
        e.HasMany(v => v.Steps).WithOne().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionCardStepConfiguration : IEntityTypeConfiguration<ActionCardStep>
{
    public void Configure(EntityTypeBuilder<ActionCardStep> e)
    {
        e.ToTable("ActionCardSteps");
        e.Property(s => s.Text).HasMaxLength(1000);
        e.Property(s => s.ResponsibleRole).HasMaxLength(200);
        e.Property(s => s.Partner).HasMaxLength(200);
        e.HasIndex(s => new { s.VersionId, s.Position }).IsUnique();
        e.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class ActionCardDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<ActionCard> ActionCards => db.Set<ActionCard>();

        public DbSet<ActionCardVersion> ActionCardVersions => db.Set<ActionCardVersion>();
    }
}
