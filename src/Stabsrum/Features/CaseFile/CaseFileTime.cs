using System.Globalization;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.CaseFile;

/// <summary>
/// Timestamps in the case file and other documents that leave the system: Danish local time with the offset, e.g.
/// <c>06.12.2026 14:05 +01:00</c>, so a reader elsewhere (or after a daylight-saving change) knows the instant.
/// </summary>
public static class CaseFileTime
{
    public static string Format(DateTimeOffset utc) =>
        DanishTime.ToLocal(utc).ToString(@"dd\.MM\.yyyy HH\:mm zzz", CultureInfo.InvariantCulture);

    public static string FormatWithSeconds(DateTimeOffset utc) =>
        DanishTime.ToLocal(utc).ToString(@"dd\.MM\.yyyy HH\:mm\:ss zzz", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? utc) => utc is { } v ? Format(v) : "";
}
