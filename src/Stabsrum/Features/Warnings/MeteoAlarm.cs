using System.Globalization;

namespace Stabsrum.Features.Warnings;

/// <summary>MeteoAlarm's awareness levels (parameter <c>awareness_level</c>, "2; yellow; Moderate").</summary>
public enum AwarenessLevel
{
    Green = 1,
    Yellow = 2,
    Orange = 3,
    Red = 4,
}

/// <summary>MeteoAlarm's awareness types (parameter <c>awareness_type</c>, "2; snow-ice").</summary>
public enum AwarenessType
{
    Wind = 1,
    SnowIce = 2,
    Thunderstorm = 3,
    Fog = 4,
    HighTemperature = 5,
    LowTemperature = 6,
    CoastalEvent = 7,
    ForestFire = 8,
    Avalanches = 9,
    Rain = 10,
    Flooding = 12,
    RainFlood = 13,
}

/// <summary>Reads MeteoAlarm's parameters and names them in Danish.</summary>
public static class MeteoAlarm
{
    public static AwarenessLevel? ParseLevel(string? value) =>
        LeadingNumber(value) is { } n && Enum.IsDefined((AwarenessLevel)n) ? (AwarenessLevel)n : null;

    public static AwarenessType? ParseType(string? value) =>
        LeadingNumber(value) is { } n && Enum.IsDefined((AwarenessType)n) ? (AwarenessType)n : null;

    public static string Danish(this AwarenessLevel level) => level switch
    {
        AwarenessLevel.Green => "Grøn – ingen særlig fare",
        AwarenessLevel.Yellow => "Gul – vær opmærksom",
        AwarenessLevel.Orange => "Orange – vær forberedt",
        AwarenessLevel.Red => "Rød – tag affære",
        _ => "Ukendt niveau",
    };

    /// <summary>The CSS modifier; the level is always also written out, never shown by colour alone.</summary>
    public static string CssClass(this AwarenessLevel level) => level switch
    {
        AwarenessLevel.Green => "awareness-green",
        AwarenessLevel.Yellow => "awareness-yellow",
        AwarenessLevel.Orange => "awareness-orange",
        AwarenessLevel.Red => "awareness-red",
        _ => "",
    };

    public static string Danish(this AwarenessType type) => type switch
    {
        AwarenessType.Wind => "Vind",
        AwarenessType.SnowIce => "Sne og is",
        AwarenessType.Thunderstorm => "Tordenvejr",
        AwarenessType.Fog => "Tåge",
        AwarenessType.HighTemperature => "Høje temperaturer",
        AwarenessType.LowTemperature => "Lave temperaturer",
        AwarenessType.CoastalEvent => "Kyst – stormflod og høj vandstand",
        AwarenessType.ForestFire => "Skov- og naturbrand",
        AwarenessType.Avalanches => "Laviner",
        AwarenessType.Rain => "Regn",
        AwarenessType.Flooding => "Oversvømmelse",
        AwarenessType.RainFlood => "Regn og oversvømmelse",
        _ => "Ukendt type",
    };

    private static int? LeadingNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var head = value.Split(';', 2)[0].Trim();
        return int.TryParse(head, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
