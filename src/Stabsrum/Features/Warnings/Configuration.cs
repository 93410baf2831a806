using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Warnings;

/// <summary>
/// An area the organisation cares about: a name, geocodes (e.g. MeteoAlarm's EMMA_ID) and/or a polygon.
/// A warning is relevant when one of its geocodes matches or its polygon/circle touches the polygon.
/// </summary>
public sealed class WarningArea : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>One "valueName=value" per line, e.g. "EMMA_ID=DK004".</summary>
    public string Geocodes { get; set; } = "";

    /// <summary>CAP polygon text ("lat,lon lat,lon …", closed), or null.</summary>
    public string? Polygon { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<(string ValueName, string Value)> GeocodeList() =>
        Geocodes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Length > 0 && parts[1].Trim().Length > 0)
            .Select(parts => (parts[0].Trim(), parts[1].Trim()))
            .ToList();
}

/// <summary>An Atom index feed polled for CAP alerts (MeteoAlarm per country, or any CAP Atom feed).</summary>
public sealed class WarningFeed : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public int IntervalMinutes { get; set; } = 10;

    public bool Enabled { get; set; }

    public DateTimeOffset? NextPollAt { get; set; }

    public DateTimeOffset? LastPolledAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>Failures in a row; drives the backoff and the visible failure state.</summary>
    public int ConsecutiveFailures { get; set; }

    public string? LastError { get; set; }

    /// <summary>New alerts stored by the last successful poll.</summary>
    public int LastNewCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsFailing => ConsecutiveFailures > 0;
}

/// <summary>Per organisation: who is on duty for warnings (the notifier writes to this address).</summary>
public sealed class WarningSettings : IOrganisationOwned
{
    public Guid OrganisationId { get; set; }

    public string? DutyEmail { get; set; }
}

/// <summary>
/// Outbox row: a notification that must reach the duty person. Written in the same transaction as the
/// warning, so a crash cannot lose it; a sender (e-mail, when it exists) marks it sent.
/// </summary>
public sealed class WarningNotification : IOrganisationOwned, INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid? WarningId { get; set; }

    public string Recipient { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

internal sealed class WarningAreaConfiguration : IEntityTypeConfiguration<WarningArea>
{
    public void Configure(EntityTypeBuilder<WarningArea> b)
    {
        b.ToTable("WarningAreas");
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Geocodes).HasMaxLength(4000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.OrganisationId, a.Name }).IsUnique();
    }
}

internal sealed class WarningFeedConfiguration : IEntityTypeConfiguration<WarningFeed>
{
    public void Configure(EntityTypeBuilder<WarningFeed> b)
    {
        b.ToTable("WarningFeeds");
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.Url).HasMaxLength(2000);
        b.Property(f => f.LastError).HasMaxLength(1000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.OrganisationId, f.Name }).IsUnique();
        b.HasIndex(f => new { f.Enabled, f.NextPollAt });
    }
}

internal sealed class WarningSettingsConfiguration : IEntityTypeConfiguration<WarningSettings>
{
    public void Configure(EntityTypeBuilder<WarningSettings> b)
    {
        b.ToTable("WarningSettings");
        b.HasKey(s => s.OrganisationId);
        b.Property(s => s.DutyEmail).HasMaxLength(256);
        b.HasOne<Organisation>().WithOne().HasForeignKey<WarningSettings>(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WarningNotificationConfiguration : IEntityTypeConfiguration<WarningNotification>
{
    public void Configure(EntityTypeBuilder<WarningNotification> b)
    {
        b.ToTable("WarningNotifications");
        b.Property(n => n.Recipient).HasMaxLength(256);
        b.Property(n => n.Subject).HasMaxLength(500);
        b.Property(n => n.LastError).HasMaxLength(1000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.SentAt, n.CreatedAt });
        b.HasIndex(n => n.OrganisationId);
    }
}
