namespace Stabsrum.Features.Goals.KeyFigures;

/// <summary>
/// A value typed in a form, optionally with its unit ("50 %", "12 min.", "1.000 kr."). A unit that differs from the
/// key figure's unit is refused: "50 min." for a percentage is a mistake, not a number to keep.
/// </summary>
public static class ValueWithUnit
{
    private static readonly (string Suffix, KeyFigureUnit Unit)[] Suffixes =
    [
        ("%", KeyFigureUnit.Procent), ("pct.", KeyFigureUnit.Procent), ("pct", KeyFigureUnit.Procent), ("procent", KeyFigureUnit.Procent),
        ("minutter", KeyFigureUnit.Minutter), ("min.", KeyFigureUnit.Minutter), ("min", KeyFigureUnit.Minutter),
        ("kr.", KeyFigureUnit.Kroner), ("kr", KeyFigureUnit.Kroner), ("kroner", KeyFigureUnit.Kroner),
        ("stk.", KeyFigureUnit.Antal), ("stk", KeyFigureUnit.Antal),
    ];

    public static (decimal? Value, string? Error) Parse(string? text, KeyFigureUnit unit)
    {
        var trimmed = (text ?? "").Trim();
        foreach (var (suffix, suffixUnit) in Suffixes)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                if (suffixUnit != unit)
                {
                    return (null, $"»{text}« er angivet i {suffixUnit.Label().ToLowerInvariant()}, men nøgletallet måles i {unit.Label().ToLowerInvariant()}.");
                }

                trimmed = trimmed[..^suffix.Length].Trim();
                break;
            }
        }

        var result = DanishNumber.Parse(trimmed);
        return (result.Value, result.Error);
    }
}
