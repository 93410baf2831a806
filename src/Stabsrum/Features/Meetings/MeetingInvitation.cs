using System.Globalization;
using System.Text;
using Stabsrum.Features.AnnualWheel;

namespace Stabsrum.Features.Meetings;

/// <summary>
/// The meeting as an iCalendar invitation (RFC 5545 / iTIP): METHOD:REQUEST (CANCEL when cancelled), the meeting's
/// id as a UID that never changes, SEQUENCE raised by every re-send, DTSTAMP in UTC, folded and escaped by
/// <see cref="ICalendar"/>.
/// </summary>
public static class MeetingInvitation
{
    public const string ContentType = "text/calendar; method=REQUEST; charset=utf-8";

    public static string Uid(Guid meetingId) => $"{meetingId}@stabsrum";

    public static string Write(Meeting meeting, string bodyName, string organiser, IEnumerable<BodyPerson> attendees, DateTimeOffset stamp, string? link)
    {
        var cancelled = meeting.Status == MeetingStatus.Aflyst;
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Stabsrum//Moeder//DA",
            "CALSCALE:GREGORIAN",
            "METHOD:" + (cancelled ? "CANCEL" : "REQUEST"),
            "BEGIN:VEVENT",
            "UID:" + Uid(meeting.Id),
            "SEQUENCE:" + meeting.InvitationSequence.ToString(CultureInfo.InvariantCulture),
            "DTSTAMP:" + Utc(stamp),
            "DTSTART:" + Utc(meeting.StartsAt),
            "DTEND:" + Utc(meeting.EndsAt),
            "SUMMARY:" + ICalendar.Escape($"{bodyName}: {meeting.Title}"),
            "ORGANIZER;CN=" + Param(organiser) + ":mailto:noreply@stabsrum.local",
        };
        var location = meeting.Mode == MeetingMode.Virtuelt ? meeting.VirtualLink : meeting.Place;
        if (!string.IsNullOrWhiteSpace(location))
        {
            lines.Add("LOCATION:" + ICalendar.Escape(location));
        }

        if (meeting.Mode == MeetingMode.Virtuelt && !string.IsNullOrWhiteSpace(meeting.VirtualLink))
        {
            lines.Add("URL:" + meeting.VirtualLink);
        }

        if (link is not null)
        {
            lines.Add("DESCRIPTION:" + ICalendar.Escape("Dagsorden: " + link));
        }

        foreach (var person in attendees)
        {
            lines.Add($"ATTENDEE;CN={Param(person.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{person.Email}");
        }

        lines.Add("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(ICalendar.Fold(line));
        }

        return text.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A parameter value is quoted (it may hold commas or colons); quotes and controls cannot occur in it.</summary>
    private static string Param(string value) => "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";
}
