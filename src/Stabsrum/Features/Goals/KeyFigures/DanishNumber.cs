using System.Globalization;
using System.Text.RegularExpressions;

namespace Stabsrum.Features.Goals.KeyFigures;

/// <summary>
/// Reads numbers the way Danish spreadsheets write them. "47,5" is 47.5 and "1.234,5" is 1234.5. A value that
/// could be read two ways ("1.234" is 1234 in Danish but 1.234 in English) or is written the English way
/// ("1,234.5") is refused with a message saying how to write it, rather than guessed.
/// </summary>
public static partial class DanishNumber
{
    public enum Separator
    {
        None,
        Comma,
        Point,
    }

    public sealed record Result(decimal? Value, string? Error, Separator DecimalSeparator);

    public static Result Parse(string? input)
    {
        var text = (input ?? "").Trim().Replace('\u2212', '-');
        if (text.Length == 0)
        {
            return new Result(null, "Værdien mangler.", Separator.None);
        }

        if (PlainInteger().IsMatch(text))
        {
            return Ok(text, Separator.None);
        }

        if (AmbiguousComma().IsMatch(text))
        {
            var english = text.Replace(",", "", StringComparison.Ordinal);
            return new Result(null, $"»{input}« er tvetydig: det kan læses som et decimaltal eller som {english} med engelsk tusindtalsadskiller. Skriv {english} uden adskiller, eller skriv decimaltallet med et andet antal decimaler.", Separator.None);
        }

        if (DanishDecimal().IsMatch(text))
        {
            // 47,5 or 1.234,5 or 1.234.567,25: points group thousands, the comma is the decimal mark.
            return Ok(text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), Separator.Comma);
        }

        if (DanishThousandsOnly().IsMatch(text))
        {
            // 1.234.567: two or more groups can only be Danish thousands.
            return Ok(text.Replace(".", "", StringComparison.Ordinal), Separator.None);
        }

        if (AmbiguousPoint().IsMatch(text))
        {
            var danish = text.Replace(".", "", StringComparison.Ordinal);
            var english = text.Replace('.', ',');
            return new Result(null, $"»{input}« er tvetydig: det kan læses som {danish} (dansk tusindtalspunktum) eller {english} (engelsk decimalpunktum). Skriv {danish} uden punktum eller {english} med decimalkomma.", Separator.None);
        }

        if (EnglishFormat().IsMatch(text))
        {
            var suggestion = text.Replace(",", "", StringComparison.Ordinal).Replace('.', ',');
            return new Result(null, $"»{input}« er skrevet i engelsk talformat. Skriv {suggestion} (decimalkomma, ingen tusindtalsadskiller).", Separator.None);
        }

        if (PointDecimal().IsMatch(text))
        {
            return Ok(text, Separator.Point);
        }

        return new Result(null, $"»{input}« er ikke et tal. Skriv fx 47,5.", Separator.None);
    }

    private static Result Ok(string invariant, Separator separator) =>
        decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new Result(value, null, separator)
            : new Result(null, $"»{invariant}« er for stort.", Separator.None);

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex PlainInteger();

    [GeneratedRegex(@"^-?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$")]
    private static partial Regex DanishDecimal();

    [GeneratedRegex(@"^-?\d{1,3}(?:\.\d{3}){2,}$")]
    private static partial Regex DanishThousandsOnly();

    [GeneratedRegex(@"^-?[1-9]\d{0,2}\.\d{3}$")]
    private static partial Regex AmbiguousPoint();

    [GeneratedRegex(@"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")]
    private static partial Regex EnglishFormat();

    [GeneratedRegex(@"^-?[1-9]\d{0,2},\d{3}$")]
    private static partial Regex AmbiguousComma();

    [GeneratedRegex(@"^-?\d+\.\d+$")]
    private static partial Regex PointDecimal();
}
