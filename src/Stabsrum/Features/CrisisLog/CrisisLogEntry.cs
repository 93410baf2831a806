using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CrisisLog;

/// <summary>The kinds of entry a logfører writes (seed 002 §4.3.2).</summary>
public enum LogEntryKind
{
    Information,
    Beslutning,
    Handling,
    Ordre,
    MeldingInd,
    MeldingUd,
    PresseMedier,
    Vagtskifte,
}

public enum LogClassification
{
    Aaben,
    Fortrolig,
}

/// <summary>What an entry changed besides being written, so live pages know which part to refresh.</summary>
public enum LogSubject
{
    None,
    Level,
    Phase,
    Status,
    Staff,
    Handover,
    HandoverAcknowledged,
}

/// <summary>
/// One entry in the crisis log: the legal record of what was known, decided and done. Never changed or
/// deleted (a correction is a new entry); chained by hash so any later change to the table is detected.
/// The id is chosen by the client, which makes a retried write idempotent.
/// </summary>
public sealed class CrisisLogEntry : IOrganisationOwned, IAppendOnly, INotAudited
{
    public const int MaxTextLength = 8000;

    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid IncidentId { get; set; }

    /// <summary>1, 2, 3 … per incident; unique, so two writers can never both be entry n.</summary>
    public long Sequence { get; set; }

    public LogEntryKind Kind { get; set; }

    public required string Text { get; set; }

    /// <summary>For a decision: the person or role who decided.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>For a decision: why.</summary>
    public string? Rationale { get; set; }

    /// <summary>For an order: who it is given to.</summary>
    public string? Recipient { get; set; }

    /// <summary>When it happened; may be earlier than recorded (paper notes typed in after an outage).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Server time of the write.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public bool Significant { get; set; }

    public LogClassification Classification { get; set; }

    public Guid? CorrectsEntryId { get; set; }

    public Guid? AcknowledgesEntryId { get; set; }

    public LogSubject Subject { get; set; }

    /// <summary>For a shift handover: what is still open.</summary>
    public string? HandoverOpen { get; set; }

    /// <summary>For a shift handover: what to watch.</summary>
    public string? HandoverWatch { get; set; }

    public Guid? AuthorUserId { get; set; }

    public required string AuthorName { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

/// <summary>A photo or PDF attached to an entry, kept with its SHA-256 so a swapped file is detected.</summary>
public sealed class CrisisLogAttachment : IOrganisationOwned, IAppendOnly, INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid EntryId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class CrisisLogEntryConfiguration : IEntityTypeConfiguration<CrisisLogEntry>
{
    public void Configure(EntityTypeBuilder<CrisisLogEntry> e)
    {
        e.ToTable("CrisisLogEntries");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Text).HasMaxLength(CrisisLogEntry.MaxTextLength);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.Rationale).HasMaxLength(4000);
        e.Property(x => x.Recipient).HasMaxLength(200);
        e.Property(x => x.Classification).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Subject).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.HandoverOpen).HasMaxLength(4000);
        e.Property(x => x.HandoverWatch).HasMaxLength(4000);
        e.Property(x => x.AuthorName).HasMaxLength(200);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => new { x.IncidentId, x.Sequence }).IsUnique();
        e.HasIndex(x => x.OrganisationId);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CrisisLogAttachmentConfiguration : IEntityTypeConfiguration<CrisisLogAttachment>
{
    public void Configure(EntityTypeBuilder<CrisisLogAttachment> e)
    {
        e.ToTable("CrisisLogAttachments");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => x.EntryId);
        e.HasIndex(x => x.OrganisationId);
        e.HasOne<CrisisLogEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
