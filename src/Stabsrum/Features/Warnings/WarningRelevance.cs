using Stabsrum.Features.Warnings.Cap;
using Stabsrum.Features.Warnings.Geometry;

namespace Stabsrum.Features.Warnings;

public sealed record RelevanceResult(bool IsRelevant, string? Reason)
{
    public static readonly RelevanceResult NotRelevant = new(false, null);
}

/// <summary>
/// Decides whether a CAP alert concerns one of the organisation's areas: a geocode that matches
/// (valueName and value, case-insensitive), or a CAP polygon/circle that touches an area's polygon.
/// </summary>
public static class WarningRelevance
{
    public static RelevanceResult Evaluate(CapAlert alert, IReadOnlyList<WarningArea> areas)
    {
        if (areas.Count == 0)
        {
            return RelevanceResult.NotRelevant;
        }

        var ours = areas.Select(a => (Area: a, Codes: a.GeocodeList(), Polygon: GeoPolygon.TryParse(a.Polygon, out _))).ToList();
        foreach (var capArea in alert.Infos.SelectMany(i => i.Areas))
        {
            foreach (var (area, codes, polygon) in ours)
            {
                var code = capArea.Geocodes.FirstOrDefault(g => codes.Any(c =>
                    string.Equals(c.ValueName, g.ValueName, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(c.Value, g.Value, StringComparison.OrdinalIgnoreCase)));
                if (code is not null)
                {
                    return new(true, $"Geokoden {code.ValueName}={code.Value} ('{capArea.AreaDesc}') matcher området '{area.Name}'.");
                }

                if (polygon is null)
                {
                    continue;
                }

                if (capArea.Polygons.Any(polygon.Intersects))
                {
                    return new(true, $"Varslets polygon for '{capArea.AreaDesc}' overlapper området '{area.Name}'.");
                }

                if (capArea.Circles.Any(polygon.Intersects))
                {
                    return new(true, $"Varslets cirkel for '{capArea.AreaDesc}' rører området '{area.Name}'.");
                }
            }
        }

        return RelevanceResult.NotRelevant;
    }
}
