namespace Stabsrum.Features.Goals.CostKeys;

/// <summary>
/// Splits an amount by weights into whole units (kr. or 1.000 kr.) whose sum is exactly the total: every part
/// gets its exact share rounded down, and the units left over go to the parts with the largest remainders
/// (Hamilton's method). Rounding each part on its own would make an invoice table that does not add up.
/// </summary>
public static class CostSplit
{
    public sealed record Part(string Name, decimal Weight, decimal SharePercent, decimal Exact, long Units);

    public sealed record Result(long TotalUnits, RoundingUnit Unit, IReadOnlyList<Part> Parts, bool TotalWasRounded);

    public static string? Validate(IReadOnlyCollection<decimal> weights)
    {
        if (weights.Count == 0)
        {
            return "Nøglen har ingen kommuner.";
        }

        if (weights.Any(w => w < 0))
        {
            return "En andel er negativ. Andele skal være 0 eller derover.";
        }

        return weights.Sum() <= 0 ? "Andelene summerer til nul, så beløbet kan ikke fordeles." : null;
    }

    public static Result Split(decimal amount, RoundingUnit unit, IReadOnlyList<(string Name, decimal Weight)> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var invalid = Validate(weights.Select(w => w.Weight).ToList());
        if (invalid is not null)
        {
            throw new ArgumentException(invalid, nameof(weights));
        }

        var exactTotal = amount / unit.Size();
        var total = (long)Math.Round(exactTotal, MidpointRounding.AwayFromZero);
        var sum = weights.Sum(w => w.Weight);

        var exact = weights.Select(w => total * w.Weight / sum).ToList();
        var units = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var left = total - units.Sum();

        // Largest remainder first; ties go to the larger weight, then to the earlier row, so the result is stable.
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => exact[i] - units[i])
            .ThenByDescending(i => weights[i].Weight)
            .ThenBy(i => i)
            .Take((int)left);
        foreach (var i in order)
        {
            units[i]++;
        }

        // Decimal division carries 28 digits; should it ever round a share up across an integer, give the unit back.
        while (units.Sum() > total)
        {
            var i = Enumerable.Range(0, units.Length).Where(j => units[j] > 0).OrderBy(j => exact[j] - units[j]).First();
            units[i]--;
        }

        var parts = weights.Select((w, i) => new Part(w.Name, w.Weight, 100m * w.Weight / sum, exact[i], units[i])).ToList();
        return new Result(total, unit, parts, exactTotal != total);
    }
}
