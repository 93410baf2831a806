using System.Globalization;
using System.Text.RegularExpressions;

namespace Stabsrum.Features.Goals;

/// <summary>
/// When an initiative is due: a quarter ("Q2 2022") or a date range. An initiative is <i>bagud</i> when the
/// last day of its schedule has passed and it is neither implemented nor deliberately postponed.
/// </summary>
public readonly partial record struct Schedule(DateOnly? From, DateOnly? To, bool IsQuarter)
{
    public static readonly Schedule None = new(null, null, false);

    public bool IsSet => To is not null;

    public static Schedule Of(DateOnly? from, DateOnly? to, bool isQuarter) => new(from, to, isQuarter);

    public static Schedule Quarter(int year, int quarter)
    {
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new Schedule(start, start.AddMonths(3).AddDays(-1), true);
    }

    public static Schedule Range(DateOnly from, DateOnly to) => new(from, to, false);

    /// <summary>Reads "Q2 2022", "2022-Q2" or "2. kvt. 2022".</summary>
    public static bool TryParseQuarter(string? text, out Schedule schedule)
    {
        schedule = None;
        var match = QuarterPattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y1"].Success ? match.Groups["y1"].Value : match.Groups["y2"].Success ? match.Groups["y2"].Value : match.Groups["y3"].Value, CultureInfo.InvariantCulture);
        var quarter = int.Parse(match.Groups["q1"].Success ? match.Groups["q1"].Value : match.Groups["q2"].Success ? match.Groups["q2"].Value : match.Groups["q3"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        schedule = Quarter(year, quarter);
        return true;
    }

    public bool IsBehind(InitiativeStatus status, DateOnly today) =>
        To is { } due && due < today && status is InitiativeStatus.Igangsat or InitiativeStatus.IgangsaettesJfTidsplan;

    public override string ToString()
    {
        if (From is not { } from || To is not { } to)
        {
            return "Ikke fastlagt";
        }

        return IsQuarter
            ? $"Q{((from.Month - 1) / 3) + 1} {from.Year}"
            : $"{from.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)} – {to.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}";
    }

    [GeneratedRegex(@"^(?:[Qq](?<q1>[1-4])\s*(?<y1>\d{4})|(?<y2>\d{4})\s*-?\s*[Qq](?<q2>[1-4])|(?<q3>[1-4])\.\s*kvt\.?\s*(?<y3>\d{4}))$")]
    private static partial Regex QuarterPattern();
}
