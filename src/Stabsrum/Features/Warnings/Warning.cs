using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Warnings;

/// <summary>Where a warning came from.</summary>
public enum WarningOrigin
{
    /// <summary>A CAP alert posted to the API or pasted on the page.</summary>
    Cap,

    /// <summary>A CAP alert fetched by feed polling.</summary>
    Feed,

    /// <summary>Entered by a person (a phone call, an e-mail, a radio message).</summary>
    Manual,
}

/// <summary>What the staff decided about a warning.</summary>
public enum TriageOutcome
{
    Untriaged,
    Dismissed,
    IncidentCreated,
    AttachedToIncident,
}

/// <summary>
/// A warning (varsel) received by an organisation. The columns are what lists, relevance and triage need;
/// for CAP warnings the original XML is kept alongside (<see cref="WarningDocument"/>) and is the full record.
/// </summary>
public sealed class Warning : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public WarningOrigin Origin { get; set; }

    /// <summary>CAP sender; for a manual warning "manuel".</summary>
    public string Sender { get; set; } = "";

    /// <summary>CAP identifier; for a manual warning its own id. With sender and sent it identifies the alert.</summary>
    public string Identifier { get; set; } = "";

    public DateTimeOffset Sent { get; set; }

    public string Status { get; set; } = "Actual";

    public string MsgType { get; set; } = "Alert";

    public string Scope { get; set; } = "Public";

    public string? Event { get; set; }

    public string? Headline { get; set; }

    /// <summary>CAP description of the preferred info block, or the text of a manual warning.</summary>
    public string? Description { get; set; }

    public string? Urgency { get; set; }

    public string? Severity { get; set; }

    public string? Certainty { get; set; }

    public string? AreaDescription { get; set; }

    public DateTimeOffset? Onset { get; set; }

    public DateTimeOffset? Expires { get; set; }

    public AwarenessLevel? AwarenessLevel { get; set; }

    public AwarenessType? AwarenessType { get; set; }

    /// <summary>Who or what it came from, in words: "DMI via MeteoAlarm", "Politiet (telefon)".</summary>
    public string? SourceName { get; set; }

    /// <summary>The CAP document's address when a feed fetched it; lets polling skip what it already has.</summary>
    public string? SourceUrl { get; set; }

    public Guid? FeedId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string ReceivedBy { get; set; } = "";

    public bool IsRelevant { get; set; }

    public string? RelevanceReason { get; set; }

    /// <summary>A later Update that replaces this alert.</summary>
    public Guid? SupersededById { get; set; }

    /// <summary>A later Cancel that withdraws this alert.</summary>
    public Guid? CancelledById { get; set; }

    public TriageOutcome Triage { get; set; }

    public string? TriageReason { get; set; }

    public DateTimeOffset? TriagedAt { get; set; }

    public string? TriagedBy { get; set; }

    public Guid? IncidentId { get; set; }

    public List<WarningReference> References { get; set; } = [];

    public bool IsExpired(DateTimeOffset now) => Expires is { } e && e <= now;

    /// <summary>Still asks for a decision: relevant, not decided, not withdrawn, replaced or expired.</summary>
    public bool AwaitsTriage(DateTimeOffset now) =>
        IsRelevant && Triage == TriageOutcome.Untriaged && CancelledById is null && SupersededById is null && !IsExpired(now)
        && MsgType is "Alert" or "Update";
}

/// <summary>The original CAP XML, byte-for-byte as text. Kept out of the audit trail: it is already the record.</summary>
public sealed class WarningDocument : IOrganisationOwned, INotAudited
{
    public Guid WarningId { get; set; }

    public Guid OrganisationId { get; set; }

    public string Xml { get; set; } = "";
}

/// <summary>One entry of a CAP alert's <c>references</c>, linked to our copy of that alert when we have it.</summary>
public sealed class WarningReference : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid WarningId { get; set; }

    public string Sender { get; set; } = "";

    public string Identifier { get; set; } = "";

    public DateTimeOffset Sent { get; set; }

    public Guid? ReferencedWarningId { get; set; }
}
