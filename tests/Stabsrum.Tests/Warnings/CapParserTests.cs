using System.Text;
using Stabsrum.Features.Warnings;
using Stabsrum.Features.Warnings.Cap;

namespace Stabsrum.Tests.Warnings;

/// <summary>Every corpus file through the parser: valid alerts with their fields, broken ones refused with a reason.</summary>
public sealed class CapParserTests
{
    public static TheoryData<string> Valid => new(CapCorpus.ValidAlerts);

    public static TheoryData<string, string> Invalid
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (file, names) in CapCorpus.InvalidAlerts)
            {
                data.Add(file, names);
            }

            return data;
        }
    }

    public static TheoryData<string> Atom => new(CapCorpus.AtomFiles);

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_corpus_alerts_are_accepted(string file)
    {
        var result = CapParser.Parse(CapCorpus.Bytes(file));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.NotEmpty(result.Alert!.Identifier);
        Assert.NotNull(result.OriginalXml);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Broken_corpus_alerts_are_refused_naming_the_problem(string file, string names)
    {
        var result = CapParser.Parse(CapCorpus.Bytes(file));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains(names, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Atom))]
    public void Atom_feeds_are_not_alerts(string file)
    {
        var result = CapParser.Parse(CapCorpus.Bytes(file));

        Assert.False(result.Succeeded);
        Assert.True(result.Errors[0].Contains("'feed'", StringComparison.Ordinal) || result.Errors[0].Contains("DTD", StringComparison.Ordinal), result.Errors[0]);
    }

    [Fact]
    public void Australia_keeps_both_info_blocks_circles_geocodes_parameters_and_resources()
    {
        var alert = Parse("australia.cap");

        Assert.Equal(CapVersion.Cap12, alert.Version);
        Assert.Equal("tag:www.rfs.nsw.gov.au2011-10-06:40184", alert.Identifier);
        Assert.Equal("Alert", alert.MsgType);
        Assert.Equal(2, alert.Infos.Count);
        var info = alert.Infos[0];
        Assert.Equal("en-AU", info.Language);
        Assert.Equal("Fire", info.Event);
        Assert.Equal("Minor", info.Severity);
        Assert.Equal("Yerong Creek Structure Fire", info.Headline);
        Assert.Equal(new DateTimeOffset(2011, 10, 6, 23, 4, 0, TimeSpan.FromHours(10)), info.Expires);
        Assert.Contains(info.EventCodes, c => c.Value == "structure_fire");
        Assert.Contains(info.Parameters, p => p.ValueName == "FuelType");
        Assert.NotEmpty(info.Resources);
        var area = Assert.Single(info.Areas);
        var circle = Assert.Single(area.Circles);
        Assert.Equal(-35.3888, circle.Centre.Lat);
        Assert.Equal(147.0598, circle.Centre.Lon);
        Assert.Equal(25.0, circle.RadiusKm);
        Assert.Contains(area.Geocodes, g => g.Value == "AU-NSW");
    }

    [Fact]
    public void Canada_update_has_its_references_and_polygons()
    {
        var alert = Parse("canada.cap");

        Assert.Equal("Update", alert.MsgType);
        Assert.Equal(2, alert.References.Count);
        Assert.Equal(new CapReference("cap@ec.gc.ca", "2.49.0.1.124.a3f342a4.2012", new DateTimeOffset(2012, 5, 2, 21, 45, 5, TimeSpan.Zero)), alert.References[0]);
        Assert.Equal("en-CA", alert.Infos[0].Language);
        Assert.Equal("severe thunderstorm watch", alert.Infos[0].Headline);
        Assert.NotEmpty(alert.Infos.SelectMany(i => i.Areas).SelectMany(a => a.Polygons));
        Assert.Contains(alert.Infos[0].EventCodes, c => c is { ValueName: "SAME", Value: "SVA" });
        Assert.False(alert.IsSigned);
    }

    [Fact]
    public void Signed_alerts_are_accepted_and_marked_signed()
    {
        var alert = Parse("canada_signed.cap");

        Assert.True(alert.IsSigned);
        Assert.Equal("snowfall warning", alert.Infos[0].Headline);
        Assert.Equal(9, alert.References.Count);
        Assert.True(Parse("earthquake_signed.cap").IsSigned);
    }

    [Fact]
    public void Cap_1_1_maps_onto_the_same_model()
    {
        var quake = Parse("earthquake.cap");
        var weather = Parse("weather.cap");
        var minimal = Parse("no_optional_fields.cap");

        Assert.Equal(CapVersion.Cap11, quake.Version);
        Assert.Equal("EQ 6.3 Neiafu, Tonga - PRELIMINARY REPORT", quake.Infos[0].Headline);
        Assert.Equal(new DateTimeOffset(2010, 8, 31, 0, 9, 25, TimeSpan.FromHours(-5)), quake.Sent);
        Assert.Equal(-16.053, Assert.Single(quake.Infos[0].Areas[0].Circles).Centre.Lat);
        Assert.Equal("Flash Flood Watch", weather.Infos[0].Event);
        Assert.Equal("Severe", weather.Infos[0].Severity);
        Assert.Contains(weather.Infos[0].Areas.SelectMany(a => a.Geocodes), g => g is { ValueName: "UGC", Value: "MTZ014" });
        Assert.Empty(minimal.Infos);
        Assert.Equal("Public", minimal.Scope);
    }

    [Fact]
    public void An_ISO_8859_1_alert_is_read_with_its_own_encoding()
    {
        var result = CapParser.Parse(CapCorpus.Bytes("earthquake-iso8859-1.cap"));

        Assert.Equal("EQ 4.6 Usulután, Usulután, El Salvador - PRELIMINARY REPORT", result.Alert!.Infos[0].Headline);
        Assert.Contains("Usulután", result.OriginalXml, StringComparison.Ordinal);
        Assert.Equal("Usulután", CapParser.Parse(result.OriginalXml!).Alert!.Infos[0].Headline![7..15]);
    }

    [Fact]
    public void Tsunami_update_keeps_parameters_and_references()
    {
        var alert = Parse("wcatwc-warning.cap");

        Assert.Equal("Update", alert.MsgType);
        Assert.Equal("PAAQ", Assert.Single(alert.References).Sender);
        Assert.Equal("Extreme", alert.Infos[0].Severity);
        Assert.Equal("7.1", alert.Infos[0].Parameter("EventPreliminaryMagnitude"));
    }

    [Fact]
    public void MeteoAlarm_awareness_level_and_type_are_read()
    {
        var france = Parse("meteoalarm/france_sample_detail.xml");
        var ireland = Parse("meteoalarm/ireland_sample_detail.xml");
        var uk = Parse("meteoalarm/uk_nothern_ireland_sample_detail.xml");

        Assert.Equal(["fr-FR", "en-GB"], france.Infos.Select(i => i.Language));
        Assert.Equal(AwarenessLevel.Yellow, france.Infos[0].AwarenessLevel);
        Assert.Equal(AwarenessType.Avalanches, france.Infos[0].AwarenessType);
        Assert.Equal("en-GB", france.PreferredInfo!.Language);
        Assert.Contains(france.Infos[0].Areas.SelectMany(a => a.Geocodes), g => g is { ValueName: "NUTS3", Value: "FR821" });
        Assert.Equal(AwarenessType.LowTemperature, ireland.Infos[0].AwarenessType);
        Assert.Equal("Ice warning for Ireland", ireland.Infos[0].Headline);
        Assert.Equal(AwarenessType.SnowIce, uk.Infos[0].AwarenessType);
        Assert.Equal(10, uk.Infos[0].Areas.Count);
        Assert.Contains(uk.Infos[0].Areas, a => a.AreaDesc == "Northern Ireland" && a.Geocodes.Single() == new CapValue("EMMA_ID", "UK108"));
        Assert.Equal(new DateTimeOffset(2022, 12, 9, 12, 0, 0, TimeSpan.Zero), uk.Expires);
    }

    [Theory]
    [InlineData("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.0\"><identifier>x</identifier></alert>", "cap:1.0")]
    [InlineData("<alert><identifier>x</identifier></alert>", "navnerummet ''")]
    [InlineData("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x", "ikke gyldig XML")]
    [InlineData("", "tomt")]
    [InlineData("hej", "ikke gyldig XML")]
    public void Other_namespaces_and_broken_xml_are_refused_clearly(string xml, string names)
    {
        var result = CapParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.False(result.Succeeded);
        Assert.Contains(names, result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Oversize_documents_are_refused_before_parsing()
    {
        var result = CapParser.Parse(new byte[1000], maxBytes: 999);

        Assert.Contains("for stort", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_the_schema_cannot_express_are_checked()
    {
        var open = Encoding.UTF8.GetString(CapCorpus.Bytes("meteoalarm/uk_nothern_ireland_sample_detail.xml"));
        var badPolygon = open.Replace("<areaDesc>Wales</areaDesc>", "<areaDesc>Wales</areaDesc><polygon>52,-3 53,-3 53,-4</polygon>", StringComparison.Ordinal);
        var restricted = open.Replace("<scope>Public</scope>", "<scope>Restricted</scope>", StringComparison.Ordinal);
        var badReference = open.Replace("<scope>Public</scope>", "<scope>Public</scope><references>bare-et-id</references>", StringComparison.Ordinal);

        Assert.Contains(CapParser.Parse(Encoding.UTF8.GetBytes(badPolygon)).Errors, e => e.Contains("polygon", StringComparison.Ordinal) && e.Contains("mindst fire", StringComparison.Ordinal));
        Assert.Contains(CapParser.Parse(Encoding.UTF8.GetBytes(restricted)).Errors, e => e.Contains("restriction", StringComparison.Ordinal));
        Assert.Contains(CapParser.Parse(Encoding.UTF8.GetBytes(badReference)).Errors, e => e.Contains("bare-et-id", StringComparison.Ordinal));
    }

    private static CapAlert Parse(string file)
    {
        var result = CapParser.Parse(CapCorpus.Bytes(file));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Alert!;
    }
}
