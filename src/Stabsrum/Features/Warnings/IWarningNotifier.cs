namespace Stabsrum.Features.Warnings;

/// <summary>What the duty person needs to know about a new relevant warning.</summary>
public sealed record WarningNotice(
    Guid OrganisationId,
    Guid WarningId,
    string Headline,
    string? AreaDescription,
    AwarenessLevel? AwarenessLevel,
    AwarenessType? AwarenessType,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires,
    string? RelevanceReason,
    string DetailPath);

/// <summary>
/// Tells the organisation's duty person (vagthavende) about a new relevant warning.
/// Contract: called by the intake inside its unit of work, before the warning is saved, with the request's
/// (or background run's) scoped <c>StabsrumDbContext</c> already acting for <see cref="WarningNotice.OrganisationId"/>.
/// An implementation either enlists in that DbContext (the outbox does: the notification commits or rolls back
/// with the warning) or must be idempotent per <see cref="WarningNotice.WarningId"/>. It must not throw for
/// delivery problems; record them instead. Called at most once per stored warning.
/// </summary>
public interface IWarningNotifier
{
    Task NotifyAsync(WarningNotice notice, CancellationToken cancellationToken);
}
