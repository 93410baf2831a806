using Microsoft.AspNetCore.Mvc.ModelBinding;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Goals.KeyFigures;

/// <summary>
/// The key-figure form as typed (values may carry their unit: "50 %", "47,5"); shared by "Tilføj nøgletal" on the
/// goal page and "Ret nøgletal" on the key figure's page (<c>_KeyFigureFields.cshtml</c>).
/// </summary>
public sealed class KeyFigureForm
{
    public string? Name { get; set; }

    public KeyFigureUnit? Unit { get; set; }

    public Direction? Direction { get; set; }

    public string? BaselinePeriod { get; set; }

    public string? BaselineValue { get; set; }

    public string? TargetPeriod { get; set; }

    public string? TargetValue { get; set; }

    public string? Method { get; set; }

    public string? DataSource { get; set; }

    public string? MeasuredBy { get; set; }

    public Frequency? Frequency { get; set; }

    public static KeyFigureForm From(KeyFigure f) => new()
    {
        Name = f.Name,
        Unit = f.Unit,
        Direction = f.Direction,
        BaselinePeriod = f.BaselinePeriod,
        BaselineValue = f.BaselineValue?.ToString("0.####", DanishTime.Culture),
        TargetPeriod = f.TargetPeriod,
        TargetValue = f.TargetValue.ToString("0.####", DanishTime.Culture),
        Method = f.Method,
        DataSource = f.DataSource,
        MeasuredBy = f.MeasuredBy,
        Frequency = f.Frequency,
    };

    /// <summary>The input, or null with the unit/number problems put next to their fields under <paramref name="prefix"/>.</summary>
    public KeyFigureInput? ToInput(ModelStateDictionary modelState, string prefix)
    {
        var unit = Unit ?? KeyFigureUnit.Antal;
        var (baseline, baselineError) = string.IsNullOrWhiteSpace(BaselineValue) ? (null, null) : ValueWithUnit.Parse(BaselineValue, unit);
        var (target, targetError) = string.IsNullOrWhiteSpace(TargetValue) ? (null, null) : ValueWithUnit.Parse(TargetValue, unit);
        if (baselineError is not null)
        {
            modelState.AddModelError($"{prefix}.{nameof(BaselineValue)}", baselineError);
        }

        if (targetError is not null)
        {
            modelState.AddModelError($"{prefix}.{nameof(TargetValue)}", targetError);
        }

        return baselineError is not null || targetError is not null
            ? null
            : new KeyFigureInput(Name, Unit, Direction, BaselinePeriod, baseline, TargetPeriod, target, Method, DataSource, MeasuredBy, Frequency);
    }
}
