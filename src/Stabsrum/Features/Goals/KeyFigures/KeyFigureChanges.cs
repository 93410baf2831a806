using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Goals.KeyFigures;

/// <summary>Key figures and their measurements; validation shared by the API and the pages.</summary>
public sealed class KeyFigureChanges(StabsrumDbContext db, GoalChanges goals, TimeProvider time)
{
    public async Task<(KeyFigure? KeyFigure, ValidationErrors Errors)> CreateAsync(Guid goalId, KeyFigureInput input, CancellationToken ct)
    {
        var errors = Validate(input, out var baseline, out var target);
        if (errors.Any)
        {
            return (null, errors);
        }

        var figure = new KeyFigure
        {
            GoalId = goalId,
            Name = input.Name!.Trim(),
            Unit = input.Unit!.Value,
            Direction = input.Direction!.Value,
            BaselinePeriod = baseline?.Text,
            BaselineValue = input.BaselineValue,
            TargetPeriod = target!.Value.Text,
            TargetValue = input.TargetValue!.Value,
            Method = GoalChanges.Clean(input.Method),
            DataSource = GoalChanges.Clean(input.DataSource),
            MeasuredBy = GoalChanges.Clean(input.MeasuredBy),
            Frequency = input.Frequency ?? Frequency.Aarlig,
            CreatedAt = time.GetUtcNow(),
        };
        db.KeyFigures.Add(figure);
        await db.SaveChangesAsync(ct);
        return (figure, errors);
    }

    /// <summary>
    /// Changes the definition. The unit cannot change once there are measurements: the values were entered in the old
    /// unit and would silently mean something else.
    /// </summary>
    public async Task<ValidationErrors?> UpdateAsync(Guid id, KeyFigureInput input, CancellationToken ct)
    {
        var figure = await db.KeyFigures.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (figure is null)
        {
            return null;
        }

        var errors = Validate(input, out var baseline, out var target);
        if (input.Unit is { } unit && unit != figure.Unit && await db.Measurements.AnyAsync(m => m.KeyFigureId == id, ct))
        {
            errors.Add("unit", $"Enheden kan ikke ændres, når nøgletallet har målinger (de er indtastet i {figure.Unit.Label().ToLowerInvariant()}). Opret et nyt nøgletal i stedet.");
        }

        if (errors.Any)
        {
            return errors;
        }

        figure.Name = input.Name!.Trim();
        figure.Unit = input.Unit!.Value;
        figure.Direction = input.Direction!.Value;
        figure.BaselinePeriod = baseline?.Text;
        figure.BaselineValue = input.BaselineValue;
        figure.TargetPeriod = target!.Value.Text;
        figure.TargetValue = input.TargetValue!.Value;
        figure.Method = GoalChanges.Clean(input.Method);
        figure.DataSource = GoalChanges.Clean(input.DataSource);
        figure.MeasuredBy = GoalChanges.Clean(input.MeasuredBy);
        figure.Frequency = input.Frequency ?? Frequency.Aarlig;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// Deletes the key figure with its measurements, unless its goal is fulfilled by it: then the goal's fulfilment
    /// rule must be changed first, so a goal never points at a key figure that is gone.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync(Guid id, CancellationToken ct)
    {
        var figure = await db.KeyFigures.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (figure is null)
        {
            return DeleteOutcome.NotFound;
        }

        if (await db.Goals.Where(g => g.FulfilmentKeyFigureId == id).Select(g => (int?)g.Number).FirstOrDefaultAsync(ct) is { } number)
        {
            return DeleteOutcome.Refused($"Nøgletallet »{figure.Name}« afgør opfyldelsen af HP-mål {number}. Vælg en anden opfyldelsesregel for målet, før nøgletallet slettes.");
        }

        // Tracked, not a cascade in the database, so every removed measurement reaches the audit trail.
        db.Measurements.RemoveRange(await db.Measurements.Where(m => m.KeyFigureId == id).ToListAsync(ct));
        db.KeyFigures.Remove(figure);
        await db.SaveChangesAsync(ct);
        return DeleteOutcome.Deleted;
    }

    private static ValidationErrors Validate(KeyFigureInput input, out Period? baseline, out Period? target)
    {
        baseline = null;
        target = null;
        var errors = new ValidationErrors()
            .Required("name", input.Name, "Navn")
            .Optional("method", input.Method, "Målemetode", 2000)
            .Optional("dataSource", input.DataSource, "Datakilde", 500)
            .Optional("measuredBy", input.MeasuredBy, "Hvem måler", 200);
        if (input.Unit is not { } unit || !Enum.IsDefined(unit))
        {
            errors.Add("unit", "Vælg en enhed: procent, antal, minutter eller kroner.");
            unit = KeyFigureUnit.Antal;
        }

        if (input.Direction is not { } direction || !Enum.IsDefined(direction))
        {
            errors.Add("direction", "Vælg om højere eller lavere er bedre.");
        }

        if (input.Frequency is { } frequency && !Enum.IsDefined(frequency))
        {
            errors.Add("frequency", "Vælg en hyppighed.");
        }

        if (input.TargetValue is not { } targetValue)
        {
            errors.Add("targetValue", "Målværdien skal udfyldes.");
        }
        else if (UnitError(targetValue, unit) is { } message)
        {
            errors.Add("targetValue", "Målværdien: " + message);
        }

        if (input.BaselineValue is { } baselineValue && UnitError(baselineValue, unit) is { } baselineMessage)
        {
            errors.Add("baselineValue", "Udgangspunktet: " + baselineMessage);
        }

        if (!Period.TryParse(input.TargetPeriod, out var t))
        {
            errors.Add("targetPeriod", string.IsNullOrWhiteSpace(input.TargetPeriod) ? "Angiv hvornår målet skal være nået (fx 2023)." : Period.FormatError(input.TargetPeriod));
        }
        else
        {
            target = t;
        }

        if (!string.IsNullOrWhiteSpace(input.BaselinePeriod))
        {
            if (Period.TryParse(input.BaselinePeriod, out var b))
            {
                baseline = b;
            }
            else
            {
                errors.Add("baselinePeriod", Period.FormatError(input.BaselinePeriod));
            }
        }

        if ((input.BaselineValue is not null) != (baseline is not null) && !errors.Any)
        {
            errors.Add("baselinePeriod", "Et udgangspunkt skal have både periode og værdi.");
        }

        return errors;
    }

    /// <summary>A value that cannot be in the key figure's unit (a percentage over 100, half a person, negative minutes).</summary>
    public static string? UnitError(decimal value, KeyFigureUnit unit) => unit switch
    {
        KeyFigureUnit.Procent when value is < 0 or > 100 => $"{value} er ikke en procentdel mellem 0 og 100.",
        KeyFigureUnit.Antal when value < 0 || value != decimal.Truncate(value) => $"{value} er ikke et helt, ikke-negativt antal.",
        KeyFigureUnit.Minutter when value < 0 => "minutter kan ikke være negative.",
        KeyFigureUnit.Kroner when Math.Abs(value) > 1_000_000_000_000m => "beløbet er urealistisk stort.",
        _ => null,
    };

    public async Task<ValidationErrors?> RecordAsync(Guid keyFigureId, MeasurementInput input, CancellationToken ct)
    {
        var figure = await db.KeyFigures.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyFigureId, ct);
        if (figure is null)
        {
            return null;
        }

        var errors = new ValidationErrors().Optional("comment", input.Comment, "Kommentar", 1000);
        if (!Period.TryParse(input.Period, out var period))
        {
            errors.Add("period", Period.FormatError(input.Period));
        }

        if (input.Value is not { } value)
        {
            errors.Add("value", "Værdien skal udfyldes.");
        }
        else if (UnitError(value, figure.Unit) is { } message)
        {
            errors.Add("value", char.ToUpperInvariant(message[0]) + message[1..]);
        }

        if (errors.Any)
        {
            return errors;
        }

        await UpsertAsync(figure.Id, [(period, input.Value!.Value, GoalChanges.Clean(input.Comment))], ct);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>All rows or none: any row-level problem refuses the whole file, with every problem listed.</summary>
    public async Task<(int? Imported, IReadOnlyList<string> Errors)> ImportAsync(Guid keyFigureId, string? csv, CancellationToken ct)
    {
        var figure = await db.KeyFigures.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyFigureId, ct);
        if (figure is null)
        {
            return (null, []);
        }

        var (rows, errors) = MeasurementCsv.Parse(csv);
        var unitErrors = rows.Select(r => UnitError(r.Value, figure.Unit) is { } m ? $"Linje {r.Line}: {m}" : null).OfType<string>().ToList();
        if (errors.Count > 0 || unitErrors.Count > 0)
        {
            return (0, errors.Concat(unitErrors).ToList());
        }

        await UpsertAsync(figure.Id, rows.Select(r => (r.Period, r.Value, r.Comment)).ToList(), ct);
        await db.SaveChangesAsync(ct);
        return (rows.Count, []);
    }

    private async Task UpsertAsync(Guid keyFigureId, IReadOnlyList<(Period Period, decimal Value, string? Comment)> values, CancellationToken ct)
    {
        var periods = values.Select(v => v.Period.Text).ToList();
        var existing = await db.Measurements.Where(m => m.KeyFigureId == keyFigureId && periods.Contains(m.Period)).ToDictionaryAsync(m => m.Period, ct);
        var now = time.GetUtcNow();
        foreach (var (period, value, comment) in values)
        {
            if (existing.TryGetValue(period.Text, out var m))
            {
                m.Value = value;
                m.Comment = comment;
                m.EnteredAt = now;
                m.EnteredBy = goals.Actor;
            }
            else
            {
                db.Measurements.Add(new Measurement { KeyFigureId = keyFigureId, Period = period.Text, PeriodStart = period.Start, Value = value, Comment = comment, EnteredAt = now, EnteredBy = goals.Actor });
            }
        }
    }
}
