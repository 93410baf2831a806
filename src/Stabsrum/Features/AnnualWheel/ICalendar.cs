using System.Globalization;
using System.Text;

namespace Stabsrum.Features.AnnualWheel;

/// <summary>An all-day event in an iCalendar feed.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, DateTimeOffset Stamp, string Summary, string? Description);

/// <summary>
/// Writes RFC 5545 iCalendar text: CRLF line endings, TEXT values escaped (§3.3.11), content lines folded so no line
/// exceeds 75 octets (§3.1) without splitting a UTF-8 sequence, all-day events as VALUE=DATE.
/// </summary>
public static class ICalendar
{
    public const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<CalendarEvent> events)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Stabsrum//Aarshjul//DA",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName),
            "X-WR-TIMEZONE:Europe/Copenhagen",
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + e.Uid);
            lines.Add("DTSTAMP:" + e.Stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            lines.Add("DTSTART;VALUE=DATE:" + Date(e.Date));
            lines.Add("DTEND;VALUE=DATE:" + Date(e.Date.AddDays(1)));
            lines.Add("SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Description))
            {
                lines.Add("DESCRIPTION:" + Escape(e.Description));
            }

            lines.Add("TRANSP:TRANSPARENT");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(Fold(line));
        }

        return text.ToString();
    }

    private static string Date(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping: backslash, semicolon, comma and newline; carriage returns and other controls dropped.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case ';': text.Append(@"\;"); break;
                case ',': text.Append(@"\,"); break;
                case '\n': text.Append(@"\n"); break;
                case var control when char.IsControl(control) && control != '\t': break;
                default: text.Append(c); break;
            }
        }

        return text.ToString();
    }

    /// <summary>One content line, folded: at most 75 octets per physical line, continuation lines start with a space, CRLF after each.</summary>
    public static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                result.Append("\r\n ");
                octets = 1;
            }

            result.Append(rune.ToString());
            octets += size;
        }

        return result.Append("\r\n").ToString();
    }
}
