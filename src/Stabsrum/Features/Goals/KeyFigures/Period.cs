using System.Globalization;
using System.Text.RegularExpressions;

namespace Stabsrum.Features.Goals.KeyFigures;

/// <summary>
/// A measurement period: a year ("2023"), a quarter ("Q2 2023"), a half-year ("H1 2023") or a month ("2023-05").
/// Each has one canonical spelling, so "2023-Q2" and "Q2 2023" are the same period. Anything else is refused:
/// a guessed period would silently put a value in the wrong place of the series.
/// </summary>
public readonly partial record struct Period(string Text, DateOnly Start)
{
    public const string Formats = "2023, Q2 2023, H1 2023 eller 2023-05";

    public static bool TryParse(string? input, out Period period)
    {
        period = default;
        var text = (input ?? "").Trim();
        Match m;
        if ((m = YearPattern().Match(text)).Success)
        {
            var y = Year(m);
            return y is not null && Set(out period, y.Value.ToString(CultureInfo.InvariantCulture), new DateOnly(y.Value, 1, 1));
        }

        if ((m = QuarterPattern().Match(text)).Success)
        {
            var y = Year(m);
            var q = int.Parse(m.Groups["q1"].Success ? m.Groups["q1"].Value : m.Groups["q2"].Value, CultureInfo.InvariantCulture);
            return y is not null && Set(out period, $"Q{q} {y}", new DateOnly(y.Value, ((q - 1) * 3) + 1, 1));
        }

        if ((m = HalfPattern().Match(text)).Success)
        {
            var y = Year(m);
            var h = int.Parse(m.Groups["h1"].Success ? m.Groups["h1"].Value : m.Groups["h2"].Value, CultureInfo.InvariantCulture);
            return y is not null && Set(out period, $"H{h} {y}", new DateOnly(y.Value, h == 1 ? 1 : 7, 1));
        }

        if ((m = MonthPattern().Match(text)).Success)
        {
            var y = Year(m);
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            return y is not null && month is >= 1 and <= 12
                && Set(out period, $"{y}-{month:00}", new DateOnly(y.Value, month, 1));
        }

        return false;
    }

    /// <summary>For periods written in code (demo data, tests); user input goes through <see cref="TryParse"/>.</summary>
    public static Period Parse(string text) => TryParse(text, out var period) ? period : throw new FormatException(FormatError(text));

    public static string FormatError(string? input) =>
        $"Perioden »{input}« har et ukendt format. Brug {Formats}.";

    private static int? Year(Match m)
    {
        var group = m.Groups["y1"].Success ? m.Groups["y1"] : m.Groups["y2"].Success ? m.Groups["y2"] : m.Groups["y"];
        var y = int.Parse(group.Value, CultureInfo.InvariantCulture);
        return y is >= 1990 and <= 2100 ? y : null;
    }

    private static bool Set(out Period period, string text, DateOnly start)
    {
        period = new Period(text, start);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?:[Qq](?<q1>[1-4])\s*(?<y1>\d{4})|(?<y2>\d{4})\s*-\s*[Qq](?<q2>[1-4]))$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?:[Hh](?<h1>[12])\s*(?<y1>\d{4})|(?<y2>\d{4})\s*-\s*[Hh](?<h2>[12]))$")]
    private static partial Regex HalfPattern();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})$")]
    private static partial Regex MonthPattern();
}
