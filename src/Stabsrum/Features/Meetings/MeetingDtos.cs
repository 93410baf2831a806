namespace Stabsrum.Features.Meetings;

public sealed record BodyPersonDto(Guid Id, string Name, string Email, string? Title, bool IsMember, bool IsChair, bool IsAgendaOwner, bool IsSubstituteOwner, bool IsApprover, bool IsOnDistribution);

public sealed record BodyDto(Guid Id, string Name, string? Description, IReadOnlyList<BodyPersonDto> People);

public sealed record MeetingSummaryDto(Guid Id, Guid BodyId, string BodyName, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode, string Status, int AgendaVersion, Guid? IncidentId);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256);

public sealed record ActionDto(Guid Id, string Text, string OwnerName, DateOnly? Deadline, Guid? TaskId);

public sealed record ItemDto(
    Guid Id, string Status, int? Number, string Title, string Type, string Kind, string ProposedBy, string? JournalNumber,
    string? Resume, string? Indstilling, string? Decision, string? Sagsfremstilling, string? OekonomiskeKonsekvenser,
    DateOnly? DecisionDeadline, int? PublishedInVersion, string? Notes, DateTimeOffset? DecidedAt, Guid? LogEntryId,
    IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<ActionDto> Actions);

public sealed record VersionDto(int Version, bool IsSupplement, string Changes, DateTimeOffset PublishedAt, string PublishedBy);

public sealed record ApprovalDto(string Name, string Email, string Status, string? Comment, DateTimeOffset? RespondedAt, string? RespondedBy);

public sealed record MinutesDto(Guid Id, int Version, string Status, string? CorrectionReason, DateTimeOffset? SentForApprovalAt, DateTimeOffset? ApprovedAt, DateTimeOffset? DistributedAt, DateTimeOffset? FiledAt, string? FiledReference, IReadOnlyList<ApprovalDto> Approvals);

public sealed record AttendanceDto(string Name, bool Present, string? Note);

public sealed record StatusDto(string Unit, string Text);

public sealed record MeetingDto(
    Guid Id, Guid BodyId, string BodyName, Guid? IncidentId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode,
    string? Place, string? VirtualLink, string Status, int AgendaVersion, int InvitationSequence, string? CancelReason,
    IReadOnlyList<ItemDto> Items, IReadOnlyList<VersionDto> Versions, IReadOnlyList<AttendanceDto> Attendance,
    IReadOnlyList<StatusDto> StatusRound, IReadOnlyList<MinutesDto> Minutes);

public sealed record PublishDto(int Version, bool IsSupplement, string Changes, CirculationReport Circulation);
