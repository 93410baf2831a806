using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CallOut;

/// <summary>Real (an incident), exercise (only persons opted in for exercises) or prøvealarm (reachability test, no incident).</summary>
public enum CallOutKind
{
    Real,
    Exercise,
    Test,
}

[Flags]
public enum CallOutChannels
{
    None = 0,
    Sms = 1,
    Email = 2,
    App = 4,
}

public enum CallOutChannel
{
    Sms,
    Email,
    App,
}

public enum CallOutStatus
{
    /// <summary>Composed, waiting for the confirmation; nothing has been sent.</summary>
    Draft,
    Active,
    Completed,
    Cancelled,
}

public enum TargetMode
{
    /// <summary>One after the other (with substitutes) until one person confirms.</summary>
    StopAtFirstContact,

    /// <summary>Everyone in the first wave at once; more candidates only while the quorum is missing.</summary>
    NotifyAll,
}

public enum TargetState
{
    Open,
    Satisfied,
    Exhausted,
}

public enum AttemptStatus
{
    Queued,

    /// <summary>Claimed by a sender and handed to the channel; if the app stops now the outcome is unknown and it is never resent.</summary>
    Sending,
    Sent,
    Delivered,
    Failed,
    Answered,
}

public enum AnswerResponse
{
    Kommer,
    KanIkke,

    /// <summary>An SMS reply the parser could not read: logged and shown, never guessed.</summary>
    Ukendt,
}

public enum AnswerSource
{
    Link,
    Sms,
    App,
    Manual,
}

/// <summary>One alarmering: who is called, with what message, over which channels; the escalation state is in its rows.</summary>
public sealed class Alarmering : IOrganisationOwned
{
    public const int MaxMessageLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    /// <summary>Null for a prøvealarm.</summary>
    public Guid? IncidentId { get; set; }

    public CallOutKind Kind { get; set; }

    public bool IsExercise => Kind != CallOutKind.Real;

    public required string Title { get; set; }

    public required string Message { get; set; }

    public CallOutChannels Channels { get; set; }

    public CallOutStatus Status { get; set; }

    /// <summary>Minutes between a person's channels (SMS, then e-mail after N minutes).</summary>
    public int ChannelDelayMinutes { get; set; } = 3;

    /// <summary>Minutes a person has to answer before the next candidate (substitute, next person) is called.</summary>
    public int AnswerTimeoutMinutes { get; set; } = 10;

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? ConfirmedBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Persons left out because an exercise reaches only those who opted in.</summary>
    public int LeftOut { get; set; }
}

/// <summary>A line to satisfy: a role with a quorum, a person, or a whole stop-at-first list.</summary>
public sealed class CallOutTarget : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid CallOutId { get; set; }

    public int Position { get; set; }

    public required string Label { get; set; }

    public TargetMode Mode { get; set; }

    /// <summary>How many must answer Kommer (the role's quorum; 1 for a person or a stop-at-first list).</summary>
    public int Required { get; set; } = 1;

    public TargetState State { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>A person as called in this call-out (contact data copied when the call-out was composed).</summary>
public sealed class CallOutRecipient : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid CallOutId { get; set; }

    /// <summary>The key person (no foreign key: the registry's row may be erased, the call-out history stays).</summary>
    public Guid PersonId { get; set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>When the first channel was started; null while the person has not been called.</summary>
    public DateTimeOffset? CalledAt { get; set; }

    public AnswerResponse? Response { get; set; }

    public int? EtaMinutes { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public AnswerSource? AnswerSource { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }
}

/// <summary>The ordered candidates of a target. One person may be a candidate of several targets.</summary>
public sealed class CallOutCandidate : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid TargetId { get; set; }

    public Guid RecipientId { get; set; }

    public int Position { get; set; }

    /// <summary>Called when the call-out starts (named persons and role holders of a notify-all target).</summary>
    public bool FirstWave { get; set; }

    public string? StandsInFor { get; set; }

    /// <summary>When this target asked for the person (the answer deadline runs from here).</summary>
    public DateTimeOffset? CalledAt { get; set; }
}

/// <summary>
/// One message over one channel. The row is committed before the channel is called: nothing is sent twice. Not in
/// the audit trail: the rows themselves are the record of every message (like <c>ReminderDelivery</c>), and a
/// 1,000-person call-out would otherwise write 1,000 audit rows before the first SMS leaves.
/// </summary>
public sealed class CallOutAttempt : IOrganisationOwned, INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid CallOutId { get; set; }

    public Guid RecipientId { get; set; }

    public CallOutChannel Channel { get; set; }

    /// <summary>Position in the person's channel sequence (0 = first).</summary>
    public int Step { get; set; }

    public AttemptStatus Status { get; set; }

    /// <summary>
    /// Set together with <see cref="AttemptStatus.Sending"/> by the sender that claimed the row: a set-based claim of
    /// many rows at once tells each sender exactly which rows it won (and no other sender can win them).
    /// </summary>
    public Guid? ClaimToken { get; set; }

    public int Tries { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string? ProviderMessageId { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }
}

/// <summary>Every answer as received (link, SMS, app, by hand), including SMS replies nobody could read.</summary>
public sealed class CallOutAnswer : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    /// <summary>Null for an SMS from a number no active call-out knows.</summary>
    public Guid? CallOutId { get; set; }

    public Guid? RecipientId { get; set; }

    public AnswerResponse Response { get; set; }

    public int? EtaMinutes { get; set; }

    public AnswerSource Source { get; set; }

    public string? RawText { get; set; }

    public string? FromPhone { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Set when the answer was written to the incident's crisis log (by the escalation job).</summary>
    public DateTimeOffset? LoggedAt { get; set; }
}

/// <summary>Per organisation: the webhook secret (hash) and the target for a fully established staff.</summary>
public sealed class CallOutSettings : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    /// <summary>SHA-256 (hex) of the secret the SMS gateway sends with inbound replies and delivery receipts.</summary>
    public string? WebhookSecretHash { get; set; }

    /// <summary>"Fuldt etableret" within this many minutes (seed 001 §3.1: 2 hours).</summary>
    public int FullyEstablishedMinutes { get; set; } = 120;
}

/// <summary>A key person who agreed to receive exercise call-outs.</summary>
public sealed class ExerciseOptIn : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CallOutConfiguration :
    IEntityTypeConfiguration<Alarmering>, IEntityTypeConfiguration<CallOutTarget>, IEntityTypeConfiguration<CallOutRecipient>,
    IEntityTypeConfiguration<CallOutCandidate>, IEntityTypeConfiguration<CallOutAttempt>, IEntityTypeConfiguration<CallOutAnswer>,
    IEntityTypeConfiguration<CallOutSettings>, IEntityTypeConfiguration<ExerciseOptIn>
{
    public void Configure(EntityTypeBuilder<Alarmering> e)
    {
        e.ToTable("CallOuts");
        e.Ignore(c => c.IsExercise);
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(40);
        e.Property(c => c.Title).HasMaxLength(200);
        e.Property(c => c.Message).HasMaxLength(Alarmering.MaxMessageLength);
        e.Property(c => c.CreatedBy).HasMaxLength(256);
        e.Property(c => c.ConfirmedBy).HasMaxLength(256);
        e.HasIndex(c => new { c.OrganisationId, c.CreatedAt });
        e.HasIndex(c => c.IncidentId);
        e.HasIndex(c => c.Status);
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CallOutTarget> e)
    {
        e.ToTable("CallOutTargets");
        e.Property(t => t.Label).HasMaxLength(300);
        e.Property(t => t.Mode).HasConversion<string>().HasMaxLength(40);
        e.Property(t => t.State).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(t => new { t.CallOutId, t.Position }).IsUnique();
        e.HasOne<Alarmering>().WithMany().HasForeignKey(t => t.CallOutId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CallOutRecipient> e)
    {
        e.ToTable("CallOutRecipients");
        e.Property(r => r.Name).HasMaxLength(200);
        e.Property(r => r.Phone).HasMaxLength(20);
        e.Property(r => r.Email).HasMaxLength(256);
        e.Property(r => r.Response).HasConversion<string>().HasMaxLength(40);
        e.Property(r => r.AnswerSource).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(r => new { r.CallOutId, r.PersonId }).IsUnique();
        e.HasIndex(r => r.Phone);
        e.HasOne<Alarmering>().WithMany().HasForeignKey(r => r.CallOutId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CallOutCandidate> e)
    {
        e.ToTable("CallOutCandidates");
        e.Property(c => c.StandsInFor).HasMaxLength(200);
        e.HasIndex(c => new { c.TargetId, c.Position }).IsUnique();
        e.HasIndex(c => c.RecipientId);
        e.HasOne<CallOutTarget>().WithMany().HasForeignKey(c => c.TargetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CallOutRecipient>().WithMany().HasForeignKey(c => c.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CallOutAttempt> e)
    {
        e.ToTable("CallOutAttempts");
        e.Property(a => a.Channel).HasConversion<string>().HasMaxLength(40);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(40);
        e.Property(a => a.ProviderMessageId).HasMaxLength(200);
        e.Property(a => a.Error).HasMaxLength(1000);
        e.HasIndex(a => new { a.CallOutId, a.RecipientId, a.Channel, a.Step }).IsUnique();
        e.HasIndex(a => new { a.Status, a.DueAt });
        e.HasIndex(a => a.ProviderMessageId);
        e.HasIndex(a => a.RecipientId);
        e.HasOne<Alarmering>().WithMany().HasForeignKey(a => a.CallOutId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CallOutRecipient>().WithMany().HasForeignKey(a => a.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CallOutAnswer> e)
    {
        e.ToTable("CallOutAnswers");
        e.Property(a => a.Response).HasConversion<string>().HasMaxLength(40);
        e.Property(a => a.Source).HasConversion<string>().HasMaxLength(40);
        e.Property(a => a.RawText).HasMaxLength(1000);
        e.Property(a => a.FromPhone).HasMaxLength(40);
        e.HasIndex(a => new { a.CallOutId, a.ReceivedAt });
        e.HasIndex(a => a.RecipientId);
        e.HasIndex(a => new { a.OrganisationId, a.ReceivedAt });
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Alarmering>().WithMany().HasForeignKey(a => a.CallOutId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CallOutRecipient>().WithMany().HasForeignKey(a => a.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CallOutSettings> e)
    {
        e.ToTable("CallOutSettings");
        e.Property(s => s.WebhookSecretHash).HasMaxLength(64);
        e.HasIndex(s => s.OrganisationId).IsUnique();
        e.HasIndex(s => s.WebhookSecretHash).IsUnique();
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ExerciseOptIn> e)
    {
        e.ToTable("ExerciseOptIns");
        e.HasIndex(o => new { o.OrganisationId, o.PersonId }).IsUnique();
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class CallOutDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<Alarmering> CallOuts => db.Set<Alarmering>();

        public DbSet<CallOutTarget> CallOutTargets => db.Set<CallOutTarget>();

        public DbSet<CallOutRecipient> CallOutRecipients => db.Set<CallOutRecipient>();

        public DbSet<CallOutCandidate> CallOutCandidates => db.Set<CallOutCandidate>();

        public DbSet<CallOutAttempt> CallOutAttempts => db.Set<CallOutAttempt>();

        public DbSet<CallOutAnswer> CallOutAnswers => db.Set<CallOutAnswer>();

        public DbSet<CallOutSettings> CallOutSettings => db.Set<CallOutSettings>();

        public DbSet<ExerciseOptIn> ExerciseOptIns => db.Set<ExerciseOptIn>();
    }
}
