using Microsoft.AspNetCore.Http.HttpResults;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Meetings;

public sealed record BodyPersonInput(string? Name, string? Email, string? Title, bool IsMember, bool IsChair, bool IsAgendaOwner, bool IsSubstituteOwner, bool IsApprover, bool IsOnDistribution);

public sealed record BodyInput(Guid? Id, string? Name, string? Description, IReadOnlyList<BodyPersonInput>? People);

public sealed record MeetingInput(Guid? Id, Guid BodyId, string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, MeetingMode Mode, string? Place, string? VirtualLink, Guid? IncidentId);

public sealed record ItemInput(
    Guid? Id,
    string? Title,
    AgendaItemType Type,
    AgendaItemKind Kind,
    string? ProposedBy,
    string? JournalNumber,
    string? Resume,
    string? Indstilling,
    string? Sagsfremstilling,
    string? OekonomiskeKonsekvenser,
    DateOnly? DecisionDeadline);

public sealed record OrderInput(IReadOnlyList<Guid>? ItemIds);

public sealed record CancelInput(string? Reason);

public sealed record AttendanceInput(IReadOnlyList<AttendanceLine>? People);

public sealed record AttendanceLine(string? Name, bool Present, string? Note);

public sealed record StatusRoundInput(IReadOnlyList<StatusRoundLine>? Units);

public sealed record StatusRoundLine(string? Unit, string? Text);

public sealed record ActionInput(Guid? Id, string? Text, string? OwnerName, DateOnly? Deadline);

public sealed record DecisionInput(string? Decision, string? Notes, Guid? LogEntryId, IReadOnlyList<ActionInput>? Actions);

public sealed record NotesInput(string? Notes);

public sealed record ApprovalInput(string? Comment);

public sealed record CorrectionInput(string? Reason);

public sealed record FileInput(string? Reference);

public enum MeetingOutcome
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>What a change did: done, or why not (a Danish message for 403/409, field errors for 400).</summary>
public sealed record MeetingResult<T>(MeetingOutcome Outcome, T? Value, ValidationErrors Errors, string? Message = null)
{
    public static MeetingResult<T> Done(T value) => new(MeetingOutcome.Ok, value, new ValidationErrors());

    public static MeetingResult<T> Missing() => new(MeetingOutcome.NotFound, default, new ValidationErrors());

    public static MeetingResult<T> Bad(ValidationErrors errors) => new(MeetingOutcome.Invalid, default, errors);

    public static MeetingResult<T> Refused(string message) => new(MeetingOutcome.Forbidden, default, new ValidationErrors(), message);

    public static MeetingResult<T> Clash(string message) => new(MeetingOutcome.Conflict, default, new ValidationErrors(), message);

    public MeetingResult<TOther> As<TOther>() => new(Outcome, default, Errors, Message);

    /// <summary>The refusal as an API result; <paramref name="ok"/> for success.</summary>
    public IResult ToResult(Func<T, IResult> ok) => Outcome switch
    {
        MeetingOutcome.Ok => ok(Value!),
        MeetingOutcome.NotFound => TypedResults.NotFound(),
        MeetingOutcome.Invalid => Errors.Problem(),
        MeetingOutcome.Forbidden => TypedResults.Problem(Message, statusCode: StatusCodes.Status403Forbidden, title: "Ingen adgang"),
        _ => TypedResults.Problem(Message, statusCode: StatusCodes.Status409Conflict, title: "Konflikt"),
    };
}
