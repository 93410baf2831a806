using System.Globalization;

namespace Stabsrum.Infrastructure.Time;

/// <summary>
/// Instants are stored in UTC and shown in the organisation's zone (Europe/Copenhagen) with Danish formats:
/// dd-MM-yyyy and a 24-hour clock.
/// </summary>
public static class DanishTime
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("da-DK");
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTimeOffset ToLocal(DateTimeOffset utc, TimeZoneInfo? zone = null) =>
        TimeZoneInfo.ConvertTime(utc, zone ?? Copenhagen);

    public static string Format(DateTimeOffset utc, TimeZoneInfo? zone = null) =>
        ToLocal(utc, zone).ToString(@"dd-MM-yyyy HH\:mm", Culture);

    public static string FormatWithSeconds(DateTimeOffset utc, TimeZoneInfo? zone = null) =>
        ToLocal(utc, zone).ToString(@"dd-MM-yyyy HH\:mm\:ss", Culture);

    public static string FormatDate(DateTimeOffset utc, TimeZoneInfo? zone = null) =>
        ToLocal(utc, zone).ToString("dd-MM-yyyy", Culture);

    /// <summary>Reads a local wall-clock time typed by a user (e.g. from datetime-local) as UTC.</summary>
    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo? zone = null)
    {
        var tz = zone ?? Copenhagen;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, tz.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static TimeZoneInfo Zone(string? id)
    {
        try
        {
            return string.IsNullOrEmpty(id) ? Copenhagen : TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return Copenhagen;
        }
    }
}
