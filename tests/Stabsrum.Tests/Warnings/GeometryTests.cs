using Stabsrum.Features.Warnings.Geometry;

namespace Stabsrum.Tests.Warnings;

public sealed class GeometryTests
{
    // Roughly Vallensbæk Kommune (lat, lon).
    private static readonly GeoPolygon Vallensbaek = Polygon("55.645,12.335 55.645,12.405 55.610,12.405 55.610,12.335 55.645,12.335");

    [Theory]
    [InlineData(55.625, 12.37, true)] // Vallensbæk Stationsby
    [InlineData(55.676, 12.568, false)] // Copenhagen city hall
    [InlineData(55.70, 12.37, false)] // due north, same longitude band
    public void Point_in_polygon(double lat, double lon, bool inside) =>
        Assert.Equal(inside, Vallensbaek.Contains(new GeoPoint(lat, lon)));

    [Fact]
    public void A_concave_polygon_does_not_contain_its_notch()
    {
        var u = Polygon("0,0 0,3 3,3 3,2 1,2 1,1 3,1 3,0 0,0");

        Assert.True(u.Contains(new GeoPoint(0.5, 1.5)));
        Assert.False(u.Contains(new GeoPoint(2, 1.5)));
    }

    [Fact]
    public void Polygons_intersect_when_overlapping_crossing_or_containing()
    {
        var overlapping = Polygon("55.63,12.39 55.63,12.45 55.60,12.45 55.60,12.39 55.63,12.39");
        var crossingWithoutVertexInside = Polygon("55.66,12.36 55.66,12.38 55.59,12.38 55.59,12.36 55.66,12.36");
        var around = Polygon("56,12 56,13 55,13 55,12 56,12");
        var elsewhere = Polygon("56.2,10.1 56.2,10.3 56.1,10.3 56.1,10.1 56.2,10.1");

        Assert.True(Vallensbaek.Intersects(overlapping));
        Assert.True(Vallensbaek.Intersects(crossingWithoutVertexInside));
        Assert.True(Vallensbaek.Intersects(around));
        Assert.True(around.Intersects(Vallensbaek));
        Assert.False(Vallensbaek.Intersects(elsewhere));
    }

    [Fact]
    public void Circles_intersect_when_the_centre_is_inside_or_the_edge_is_within_the_radius()
    {
        // 55.655 is about 1.1 km north of the northern edge (55.645).
        var north = new GeoPoint(55.655, 12.37);

        Assert.True(Vallensbaek.Intersects(new GeoCircle(new GeoPoint(55.625, 12.37), 0)));
        Assert.True(Vallensbaek.Intersects(new GeoCircle(north, 1.5)));
        Assert.False(Vallensbaek.Intersects(new GeoCircle(north, 0.8)));
    }

    [Theory]
    [InlineData("55,12 56,12 55,12", "mindst fire")]
    [InlineData("55,12 56,12 56,13 55.5,12", "første og sidste")]
    [InlineData("55;12 56,12 56,13 55,12", "ugyldigt koordinatpar")]
    [InlineData("95,12 56,12 56,13 95,12", "ugyldigt koordinatpar")]
    public void Malformed_polygons_are_refused_with_a_reason(string text, string reason)
    {
        Assert.Null(GeoPolygon.TryParse(text, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("55.6,12.3 10", true)]
    [InlineData("55.6,12.3", false)]
    [InlineData("55.6,12.3 -1", false)]
    [InlineData("abc 1", false)]
    public void Circles_parse(string text, bool ok) => Assert.Equal(ok, GeoCircle.TryParse(text, out _) is not null);

    private static GeoPolygon Polygon(string text) => GeoPolygon.TryParse(text, out var error) ?? throw new ArgumentException(error);
}
