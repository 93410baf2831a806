namespace Stabsrum.Features.Warnings;

/// <summary>
/// Turns a warning into incident work. Implemented by the incidents feature and registered by it; the
/// warnings pages and API offer "create incident" and "attach to incident" only when an implementation is
/// registered. Contract for implementers:
/// <list type="bullet">
/// <item>Both methods run in the caller's request scope, acting for the current organisation; read the warning
/// with <c>db.Warnings</c> (already organisation-filtered) to prefill title, area, onset/expiry and the text.</item>
/// <item><see cref="CreateIncidentFromWarningAsync"/> creates the incident (with a log entry naming the warning)
/// and returns its id; <see cref="AttachToIncidentAsync"/> adds a log entry about the warning to an existing incident
/// and throws <see cref="KeyNotFoundException"/> when that incident is not the organisation's.</item>
/// <item>Neither method records the triage outcome on the warning: the warnings feature does that (who, when,
/// what, incident id) after a successful call, in the same DbContext, and calls SaveChanges once.
/// So do not call SaveChanges yourself if you want it atomic, or make your call idempotent per warning id.</item>
/// </list>
/// </summary>
public interface IWarningIncidentLink
{
    Task<Guid> CreateIncidentFromWarningAsync(Guid warningId, string? title, CancellationToken cancellationToken);

    Task AttachToIncidentAsync(Guid warningId, Guid incidentId, CancellationToken cancellationToken);
}

/// <summary>Thrown by an <see cref="IWarningIncidentLink"/> when the incident side refuses the input (e.g. a title too long).</summary>
public sealed class WarningIncidentLinkRefusedException(Stabsrum.Infrastructure.Problems.ValidationErrors errors)
    : InvalidOperationException("Hændelsen kunne ikke oprettes ud fra varslet.")
{
    public Stabsrum.Infrastructure.Problems.ValidationErrors Errors { get; } = errors;
}
