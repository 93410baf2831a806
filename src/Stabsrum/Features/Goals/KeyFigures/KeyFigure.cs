using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Goals.KeyFigures;

public enum KeyFigureUnit
{
    Procent,
    Antal,
    Minutter,
    Kroner,
}

public enum Direction
{
    HoejereErBedre,
    LavereErBedre,
}

/// <summary>A nøgletal: what is measured for a goal, how, by whom, and what it should reach.</summary>
public sealed class KeyFigure : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid GoalId { get; set; }

    public required string Name { get; set; }

    public KeyFigureUnit Unit { get; set; }

    public Direction Direction { get; set; }

    public string? BaselinePeriod { get; set; }

    public decimal? BaselineValue { get; set; }

    public required string TargetPeriod { get; set; }

    public decimal TargetValue { get; set; }

    public string? Method { get; set; }

    public string? DataSource { get; set; }

    public string? MeasuredBy { get; set; }

    public Frequency Frequency { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One value of a key figure for one period. Entering a period again replaces its value.</summary>
public sealed class Measurement : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid KeyFigureId { get; set; }

    /// <summary>Canonical period text ("2023", "Q2 2023", "H1 2023", "2023-05").</summary>
    public required string Period { get; set; }

    /// <summary>First day of the period, so series sort in time order on both engines.</summary>
    public DateOnly PeriodStart { get; set; }

    public decimal Value { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    public required string EnteredBy { get; set; }
}

public static class KeyFigureTexts
{
    public static string Symbol(this KeyFigureUnit unit) => unit switch
    {
        KeyFigureUnit.Procent => "%",
        KeyFigureUnit.Antal => "stk.",
        KeyFigureUnit.Minutter => "min.",
        _ => "kr.",
    };

    public static string Label(this KeyFigureUnit unit) => unit switch
    {
        KeyFigureUnit.Procent => "Procent (%)",
        KeyFigureUnit.Antal => "Antal",
        KeyFigureUnit.Minutter => "Minutter",
        _ => "Kroner (kr.)",
    };

    public static string Label(this Direction d) => d == Direction.HoejereErBedre ? "Højere er bedre" : "Lavere er bedre";

    public static string Format(decimal value, KeyFigureUnit unit) =>
        value.ToString(unit == KeyFigureUnit.Kroner || unit == KeyFigureUnit.Antal ? "#,##0.##" : "0.##", Infrastructure.Time.DanishTime.Culture) + " " + unit.Symbol();
}
