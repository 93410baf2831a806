using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Goals.CostKeys;

public enum CostKeyMethod
{
    Indbyggertal,
    FasteAndele,
    Ligelig,
}

public enum RoundingUnit
{
    Kroner,
    TusindKroner,
}

/// <summary>
/// A fordelingsnøgle over the member municipalities: by population (as of a stated date), by fixed shares, or
/// equal. The weights are copied when the key is made, so a later population update never changes a split
/// that was already invoiced.
/// </summary>
public sealed class CostKey : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public CostKeyMethod Method { get; set; }

    /// <summary>For population keys: the date the populations were counted ("pr. 1. kvt. 2022").</summary>
    public DateOnly? PopulationDate { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CostKeyShare> Shares { get; set; } = [];
}

public sealed class CostKeyShare : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid CostKeyId { get; set; }

    public required string Municipality { get; set; }

    /// <summary>Population, share or 1 (equal), by the key's method.</summary>
    public decimal Weight { get; set; }

    public int SortOrder { get; set; }
}

public static class CostKeyTexts
{
    public static string Label(this CostKeyMethod m) => m switch
    {
        CostKeyMethod.Indbyggertal => "Efter indbyggertal",
        CostKeyMethod.FasteAndele => "Faste andele",
        _ => "Ligelig fordeling",
    };

    public static string Label(this RoundingUnit u) => u == RoundingUnit.Kroner ? "kr." : "1.000 kr.";

    public static decimal Size(this RoundingUnit u) => u == RoundingUnit.Kroner ? 1m : 1000m;
}
