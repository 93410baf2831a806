using System.Globalization;

namespace Stabsrum.Features.Warnings.Geometry;

/// <summary>A WGS 84 position as CAP writes it: latitude first.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Lat},{Lon}");
}

/// <summary>
/// A closed ring of points (CAP: "lat,lon lat,lon …", first point repeated last, at least four pairs).
/// Warning areas are a few kilometres to a few hundred, so we treat longitude/latitude as a plane for
/// containment and crossing tests: exact enough for "does this warning touch our municipality", and no
/// spatial library or database extension is needed on either engine.
/// </summary>
public sealed class GeoPolygon
{
    public GeoPolygon(IReadOnlyList<GeoPoint> points)
    {
        if (points.Count < 4)
        {
            throw new ArgumentException("A polygon needs at least four points (the first repeated last).", nameof(points));
        }

        Points = points;
    }

    public IReadOnlyList<GeoPoint> Points { get; }

    /// <summary>Parses CAP's polygon text; returns null with a Danish reason when it is malformed.</summary>
    public static GeoPolygon? TryParse(string? text, out string? error)
    {
        error = null;
        var pairs = (text ?? "").Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var points = new List<GeoPoint>(pairs.Length);
        foreach (var pair in pairs)
        {
            if (!GeoCircle.TryParsePoint(pair, out var point))
            {
                error = $"ugyldigt koordinatpar '{Shorten(pair)}' (forventet 'bredde,længde' i WGS 84)";
                return null;
            }

            points.Add(point);
        }

        if (points.Count < 4)
        {
            error = $"en polygon skal have mindst fire koordinatpar, men har {points.Count}";
            return null;
        }

        if (points[0] != points[^1])
        {
            error = "polygonens første og sidste punkt skal være ens";
            return null;
        }

        return new GeoPolygon(points);
    }

    public override string ToString() => string.Join(' ', Points);

    /// <summary>Even-odd ray casting; points on the boundary may fall either way, which is fine here.</summary>
    public bool Contains(GeoPoint p)
    {
        var inside = false;
        for (int i = 0, j = Points.Count - 1; i < Points.Count; j = i++)
        {
            var a = Points[i];
            var b = Points[j];
            if ((a.Lat > p.Lat) != (b.Lat > p.Lat)
                && p.Lon < ((b.Lon - a.Lon) * (p.Lat - a.Lat) / (b.Lat - a.Lat)) + a.Lon)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>True when the two areas overlap: one holds a vertex of the other, or their edges cross.</summary>
    public bool Intersects(GeoPolygon other)
    {
        if (other.Points.Any(Contains) || Points.Any(other.Contains))
        {
            return true;
        }

        foreach (var (a1, a2) in Edges())
        {
            foreach (var (b1, b2) in other.Edges())
            {
                if (SegmentsIntersect(a1, a2, b1, b2))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool Intersects(GeoCircle circle)
    {
        if (Contains(circle.Centre))
        {
            return true;
        }

        return Edges().Any(e => circle.DistanceKmToSegment(e.From, e.To) <= circle.RadiusKm);
    }

    public IEnumerable<(GeoPoint From, GeoPoint To)> Edges()
    {
        for (var i = 0; i < Points.Count - 1; i++)
        {
            yield return (Points[i], Points[i + 1]);
        }
    }

    private static bool SegmentsIntersect(GeoPoint p1, GeoPoint p2, GeoPoint q1, GeoPoint q2)
    {
        var d1 = Cross(q1, q2, p1);
        var d2 = Cross(q1, q2, p2);
        var d3 = Cross(p1, p2, q1);
        var d4 = Cross(p1, p2, q2);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }

        return (d1 == 0 && OnSegment(q1, q2, p1)) || (d2 == 0 && OnSegment(q1, q2, p2))
            || (d3 == 0 && OnSegment(p1, p2, q1)) || (d4 == 0 && OnSegment(p1, p2, q2));
    }

    private static double Cross(GeoPoint a, GeoPoint b, GeoPoint c) =>
        ((b.Lon - a.Lon) * (c.Lat - a.Lat)) - ((b.Lat - a.Lat) * (c.Lon - a.Lon));

    private static bool OnSegment(GeoPoint a, GeoPoint b, GeoPoint p) =>
        Math.Min(a.Lon, b.Lon) <= p.Lon && p.Lon <= Math.Max(a.Lon, b.Lon)
        && Math.Min(a.Lat, b.Lat) <= p.Lat && p.Lat <= Math.Max(a.Lat, b.Lat);

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

/// <summary>CAP circle: "lat,lon radius" with the radius in kilometres.</summary>
public sealed record GeoCircle(GeoPoint Centre, double RadiusKm)
{
    private const double KmPerDegreeLat = 110.574;
    private const double KmPerDegreeLonAtEquator = 111.320;

    public static GeoCircle? TryParse(string? text, out string? error)
    {
        error = null;
        var parts = (text ?? "").Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !TryParsePoint(parts[0], out var centre)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) || radius < 0 || !double.IsFinite(radius))
        {
            error = "en cirkel skal skrives 'bredde,længde radius' med radius i km";
            return null;
        }

        return new GeoCircle(centre, radius);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Centre} {RadiusKm}");

    internal static bool TryParsePoint(string pair, out GeoPoint point)
    {
        point = default;
        var comma = pair.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0
            || !double.TryParse(pair[..comma], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(pair[(comma + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            return false;
        }

        point = new GeoPoint(lat, lon);
        return true;
    }

    /// <summary>
    /// Distance from the centre to a segment, in km, on a local flat projection around the centre
    /// (equirectangular): accurate to well under a percent for the distances a warning circle covers.
    /// </summary>
    public double DistanceKmToSegment(GeoPoint a, GeoPoint b)
    {
        var (ax, ay) = Project(a);
        var (bx, by) = Project(b);
        var dx = bx - ax;
        var dy = by - ay;
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((-ax * dx) + (-ay * dy)) / lengthSquared, 0, 1);
        var px = ax + (t * dx);
        var py = ay + (t * dy);
        return Math.Sqrt((px * px) + (py * py));
    }

    private (double X, double Y) Project(GeoPoint p) =>
        ((p.Lon - Centre.Lon) * KmPerDegreeLonAtEquator * Math.Cos(Centre.Lat * Math.PI / 180), (p.Lat - Centre.Lat) * KmPerDegreeLat);
}
