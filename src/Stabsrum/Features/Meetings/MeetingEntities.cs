using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Meetings;

/// <summary>The three item types of seed 001 §4.3 step 2: what the body is asked to do with the item.</summary>
public enum AgendaItemType
{
    Orientering,
    Droeftelse,
    Beslutning,
}

/// <summary>Seed 004: administrative items for the board itself, political items on their way to a committee.</summary>
public enum AgendaItemKind
{
    Administrativt,
    Politisk,
}

/// <summary>A member's proposal waits for the agenda owner, who accepts (and orders) or rejects it.</summary>
public enum AgendaItemStatus
{
    Foreslaaet,
    Optaget,
    Afvist,
}

public enum MeetingMode
{
    Fysisk,
    Virtuelt,
}

public enum MeetingStatus
{
    Planlagt,
    Aflyst,
    Afholdt,
}

/// <summary>The minutes' steps (seed 001 §4.3 steps 5–7).</summary>
public enum MinutesStatus
{
    Kladde,
    TilGodkendelse,
    Godkendt,
    Udsendt,
    Journaliseret,
}

public enum ApprovalStatus
{
    Afventer,
    Godkendt,
    Kommenteret,
}

/// <summary>A body that meets: "Krisestyringsstab — skybrud", "Direktionen".</summary>
public sealed class MeetingBody : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A person around a body, with the hats they wear: member, chair (mødeleder), agenda owner or substitute,
/// approver of minutes, and on the distribution list. The e-mail ties the person to a user when they sign in.
/// </summary>
public sealed class BodyPerson : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid BodyId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public string? Title { get; set; }

    public bool IsMember { get; set; }

    public bool IsChair { get; set; }

    public bool IsAgendaOwner { get; set; }

    public bool IsSubstituteOwner { get; set; }

    public bool IsApprover { get; set; }

    public bool IsOnDistribution { get; set; }

    public int SortOrder { get; set; }
}

public sealed class Meeting : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid BodyId { get; set; }

    /// <summary>Set when the meeting belongs to an incident: decisions are then logged in its crisis log.</summary>
    public Guid? IncidentId { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public MeetingMode Mode { get; set; }

    public string? Place { get; set; }

    public string? VirtualLink { get; set; }

    public MeetingStatus Status { get; set; }

    /// <summary>The last published agenda version; 0 while the agenda is a draft.</summary>
    public int AgendaVersion { get; set; }

    /// <summary>iCalendar SEQUENCE: raised by every invitation after the first (tillæg, cancellation).</summary>
    public int InvitationSequence { get; set; }

    public string? CancelReason { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset? HeldAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AgendaItem : IOrganisationOwned
{
    public const int MaxTextLength = 20000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid MeetingId { get; set; }

    public AgendaItemStatus Status { get; set; }

    /// <summary>Position on the agenda (1, 2, …) once accepted; null while proposed or rejected.</summary>
    public int? Number { get; set; }

    public required string Title { get; set; }

    public AgendaItemType Type { get; set; }

    public AgendaItemKind Kind { get; set; }

    public required string ProposedBy { get; set; }

    /// <summary>KLE-style journal number, free text (e.g. 14.00.08P15-1-24).</summary>
    public string? JournalNumber { get; set; }

    public string? Resume { get; set; }

    public string? Indstilling { get; set; }

    public string? Sagsfremstilling { get; set; }

    public string? OekonomiskeKonsekvenser { get; set; }

    public DateOnly? DecisionDeadline { get; set; }

    /// <summary>The agenda version that first carried the item (1 = the original agenda, later = a tillæg).</summary>
    public int? PublishedInVersion { get; set; }

    public string? Notes { get; set; }

    public string? Decision { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The crisis-log entry written for the decision (incident meetings); the caller-made id makes retries safe.</summary>
    public Guid? LogEntryId { get; set; }

    public DateTimeOffset ProposedAt { get; set; }
}

/// <summary>A bilag to an agenda item. The content is kept so the agenda and the case file can carry it.</summary>
public sealed class AgendaAttachment : IOrganisationOwned
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid ItemId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A published agenda: version 1 is the agenda, later versions are tillæg. Never changed after publishing.</summary>
public sealed class AgendaVersion : IOrganisationOwned, IAppendOnly
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid MeetingId { get; set; }

    public int Version { get; set; }

    public bool IsSupplement { get; set; }

    /// <summary>What changed since the previous version, one line per change, in Danish.</summary>
    public required string Changes { get; set; }

    /// <summary>The agenda as it was published (JSON of <see cref="MeetingDocumentModel"/>).</summary>
    public required string Snapshot { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public required string PublishedBy { get; set; }
}

/// <summary>A "hvem gør hvad" line under a decision; it becomes a task with origin = the item (the decision).</summary>
public sealed class DecisionAction : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid ItemId { get; set; }

    public required string Text { get; set; }

    public required string OwnerName { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>The task's id (made here) so a retry creates it once; null when no task intake was available.</summary>
    public Guid? TaskId { get; set; }

    public int SortOrder { get; set; }
}

public sealed class MeetingAttendance : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid MeetingId { get; set; }

    public required string Name { get; set; }

    public bool Present { get; set; }

    public string? Note { get; set; }
}

/// <summary>The oral status round: each unit's report; the minutes then serve as a situation picture (seed 001 §4.3 step 4).</summary>
public sealed class UnitStatusReport : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid MeetingId { get; set; }

    public required string Unit { get; set; }

    public required string Text { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>One version of a meeting's minutes. The content is frozen when sent for approval; approved versions never change.</summary>
public sealed class Minutes : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid MeetingId { get; set; }

    public int Version { get; set; }

    public MinutesStatus Status { get; set; }

    /// <summary>Why a later version corrects the approved one.</summary>
    public string? CorrectionReason { get; set; }

    /// <summary>The minutes as sent for approval (JSON of <see cref="MeetingDocumentModel"/>); null while a draft.</summary>
    public string? Snapshot { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentForApprovalAt { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? DistributedAt { get; set; }

    public DateTimeOffset? FiledAt { get; set; }

    public string? FiledReference { get; set; }
}

public sealed class MinutesApproval : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid MinutesId { get; set; }

    public required string ApproverName { get; set; }

    public required string ApproverEmail { get; set; }

    public ApprovalStatus Status { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public string? RespondedBy { get; set; }
}
