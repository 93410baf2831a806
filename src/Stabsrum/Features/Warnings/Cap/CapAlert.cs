using System.Text.Json.Serialization;

namespace Stabsrum.Features.Warnings.Cap;

/// <summary>
/// A CAP alert as parsed: everything CAP 1.2 (and 1.1, which maps onto it) holds. Immutable; the stored
/// warning keeps the original XML and re-parses it for the detail view, so nothing here is lost.
/// </summary>
public sealed record CapAlert(
    CapVersion Version,
    string Identifier,
    string Sender,
    DateTimeOffset Sent,
    string Status,
    string MsgType,
    string? Source,
    string Scope,
    string? Restriction,
    string? Addresses,
    IReadOnlyList<string> Codes,
    string? Note,
    IReadOnlyList<CapReference> References,
    string? Incidents,
    IReadOnlyList<CapInfo> Infos,
    bool IsSigned)
{
    /// <summary>The first info block in the preferred language (Danish, then English, then the first).</summary>
    [JsonIgnore]
    public CapInfo? PreferredInfo =>
        Infos.FirstOrDefault(i => i.Language.StartsWith("da", StringComparison.OrdinalIgnoreCase))
        ?? Infos.FirstOrDefault(i => i.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        ?? (Infos.Count > 0 ? Infos[0] : null);

    /// <summary>The latest expiry of any info block; CAP has no alert-level expiry.</summary>
    public DateTimeOffset? Expires => Infos.Select(i => i.Expires).Where(e => e is not null).Max();
}

public enum CapVersion
{
    Cap11,
    Cap12,
}

/// <summary>One entry of <c>references</c>: "sender,identifier,sent".</summary>
public sealed record CapReference(string Sender, string Identifier, DateTimeOffset Sent);

public sealed record CapValue(string ValueName, string Value);

public sealed record CapInfo(
    string Language,
    IReadOnlyList<string> Categories,
    string Event,
    IReadOnlyList<string> ResponseTypes,
    string Urgency,
    string Severity,
    string Certainty,
    string? Audience,
    IReadOnlyList<CapValue> EventCodes,
    DateTimeOffset? Effective,
    DateTimeOffset? Onset,
    DateTimeOffset? Expires,
    string? SenderName,
    string? Headline,
    string? Description,
    string? Instruction,
    string? Web,
    string? Contact,
    IReadOnlyList<CapValue> Parameters,
    IReadOnlyList<CapResource> Resources,
    IReadOnlyList<CapArea> Areas)
{
    public string? Parameter(string valueName) =>
        Parameters.FirstOrDefault(p => string.Equals(p.ValueName, valueName, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>MeteoAlarm's awareness level ("2; yellow; Moderate"), when present.</summary>
    public AwarenessLevel? AwarenessLevel => MeteoAlarm.ParseLevel(Parameter("awareness_level"));

    /// <summary>MeteoAlarm's awareness type ("2; snow-ice"), when present.</summary>
    public AwarenessType? AwarenessType => MeteoAlarm.ParseType(Parameter("awareness_type"));
}

public sealed record CapResource(string ResourceDesc, string MimeType, long? Size, string? Uri, string? DerefUri, string? Digest);

/// <summary>An area: polygons and circles as parsed coordinates (WGS 84 latitude, longitude), geocodes as pairs.</summary>
public sealed record CapArea(
    string AreaDesc,
    IReadOnlyList<Geometry.GeoPolygon> Polygons,
    IReadOnlyList<Geometry.GeoCircle> Circles,
    IReadOnlyList<CapValue> Geocodes,
    decimal? Altitude,
    decimal? Ceiling);
