using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Goals.CostKeys;

/// <summary>
/// Makes cost keys. Without explicit shares the key is filled from the organisation's member municipalities:
/// their populations, their recorded cost shares, or one each.
/// </summary>
public sealed class CostKeyChanges(StabsrumDbContext db, TimeProvider time)
{
    public async Task<(CostKey? Key, ValidationErrors Errors)> CreateAsync(CostKeyInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("name", input.Name, "Navn").Optional("note", input.Note, "Bemærkning", 1000);
        if (input.Method is not { } method || !Enum.IsDefined(method))
        {
            errors.Add("method", "Vælg fordeling efter indbyggertal, faste andele eller ligelig fordeling.");
            return (null, errors);
        }

        if (method == CostKeyMethod.Indbyggertal && input.PopulationDate is null)
        {
            errors.Add("populationDate", "Angiv hvilken dato indbyggertallene gælder for.");
        }

        List<(string Name, decimal Weight)> shares;
        if (input.Shares is { Count: > 0 } given)
        {
            shares = [];
            for (var i = 0; i < given.Count; i++)
            {
                var s = given[i];
                if (string.IsNullOrWhiteSpace(s?.Municipality) || s.Municipality.Length > 200)
                {
                    errors.Add($"shares[{i}].municipality", $"Kommune nr. {i + 1} mangler et navn (højst 200 tegn).");
                    continue;
                }

                var weight = method == CostKeyMethod.Ligelig ? 1m : s.Weight;
                if (weight is null)
                {
                    errors.Add($"shares[{i}].weight", $"{s.Municipality} mangler {(method == CostKeyMethod.Indbyggertal ? "et indbyggertal" : "en andel")}.");
                    continue;
                }

                shares.Add((s.Municipality.Trim(), weight.Value));
            }
        }
        else
        {
            var members = await db.MemberMunicipalities.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
            shares = members.Select(m => (m.Name, method switch
            {
                CostKeyMethod.Indbyggertal => (decimal)m.Population,
                CostKeyMethod.FasteAndele => m.SharePercent,
                _ => 1m,
            })).ToList();
        }

        if (shares.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors.Add("shares", $"{duplicate.Key} står flere gange i nøglen.");
        }

        if (shares.Count > 200)
        {
            errors.Add("shares", "En nøgle kan højst have 200 kommuner.");
        }

        if (shares.Any(s => s.Weight > 1_000_000_000m))
        {
            errors.Add("shares", "En andel er urealistisk stor.");
        }

        if (!errors.Any && CostSplit.Validate(shares.Select(s => s.Weight).ToList()) is { } invalid)
        {
            errors.Add("shares", invalid + (input.Shares is null or { Count: 0 } ? " Tilføj ejerkommuner med indbyggertal og andel under Administration › Ejerkommuner." : ""));
        }

        if (!errors.Any && await db.CostKeys.AnyAsync(k => k.Name == input.Name!.Trim(), ct))
        {
            errors.Add("name", $"Der findes allerede en nøgle med navnet »{input.Name!.Trim()}«.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var key = new CostKey
        {
            Name = input.Name!.Trim(),
            Method = method,
            PopulationDate = method == CostKeyMethod.Indbyggertal ? input.PopulationDate : null,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            CreatedAt = time.GetUtcNow(),
            Shares = shares.Select((s, i) => new CostKeyShare { Municipality = s.Name, Weight = s.Weight, SortOrder = i + 1 }).ToList(),
        };
        db.CostKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (key, errors);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        var key = await db.CostKeys.Include(k => k.Shares).SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return false;
        }

        db.CostKeys.Remove(key);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Reads an amount in kroner the Danish way ("17.645.000" or "17645000,00").</summary>
    public static (decimal? Amount, string? Error) ParseAmount(string? text)
    {
        var parsed = KeyFigures.DanishNumber.Parse((text ?? "").Replace("kr.", "", StringComparison.OrdinalIgnoreCase).Trim());
        if (parsed.Error is not null)
        {
            return (null, parsed.Error);
        }

        return parsed.Value is < 0 or > 1_000_000_000_000m ? (null, "Beløbet skal være mellem 0 og 1.000 mia. kr.") : (parsed.Value, null);
    }
}
