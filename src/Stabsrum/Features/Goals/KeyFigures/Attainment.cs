namespace Stabsrum.Features.Goals.KeyFigures;

/// <summary>How far a key figure has come towards its target, respecting whether higher or lower is better.</summary>
public sealed record Attainment(decimal? Latest, string? LatestPeriod, bool Met, int Percent)
{
    public static readonly Attainment NoData = new(null, null, false, 0);

    /// <summary>
    /// Met when the latest value is at or beyond the target in the good direction. Progress is measured from the
    /// baseline when there is one (47 % → 50 %: 48,5 % is half-way), otherwise as the ratio to the target.
    /// </summary>
    public static Attainment Compute(Direction direction, decimal? baseline, decimal target, decimal? latest, string? latestPeriod = null)
    {
        if (latest is not { } value)
        {
            return NoData;
        }

        var higher = direction == Direction.HoejereErBedre;
        var met = higher ? value >= target : value <= target;
        if (met)
        {
            return new Attainment(value, latestPeriod, true, 100);
        }

        decimal progress;
        if (baseline is { } start && start != target && (higher ? start < target : start > target))
        {
            progress = (value - start) / (target - start);
        }
        else if (higher)
        {
            progress = target == 0 ? 0 : value / target;
        }
        else
        {
            progress = value == 0 ? 1 : target / value;
        }

        var percent = (int)Math.Floor(Math.Clamp(progress, 0m, 1m) * 100m);
        return new Attainment(value, latestPeriod, false, Math.Min(percent, 99));
    }
}
