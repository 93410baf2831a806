using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings;

/// <summary>
/// Vallensbæk Kommune's warning areas, a duty e-mail, a disabled MeteoAlarm feed (no outbound traffic in the demo),
/// one relevant Danish rain warning and one MeteoAlarm corpus alert from France that is not relevant.
/// </summary>
internal sealed class WarningDemoData : IDemoDataContributor
{
    public const string Municipality = "Vallensbæk Kommune";

    /// <summary>Vallensbæk, roughly (WGS 84, lat,lon), closed.</summary>
    public const string VallensbaekPolygon = "55.6450,12.3350 55.6450,12.4100 55.6100,12.4100 55.6100,12.3350 55.6450,12.3350";

    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var current = services.GetRequiredService<CurrentOrganisation>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var organisationId = await db.Organisations.Where(o => o.Name == Municipality).Select(o => o.Id).SingleAsync(cancellationToken);

        current.EnterAsSystem(organisationId, "system");
        try
        {
            db.WarningAreas.Add(new WarningArea
            {
                OrganisationId = organisationId,
                Name = "Vallensbæk Kommune",
                Geocodes = "EMMA_ID=DK004",
                Polygon = VallensbaekPolygon,
                CreatedAt = now,
            });
            db.WarningSettings.Add(new WarningSettings { OrganisationId = organisationId, DutyEmail = "vagt@vallensbaek.demo" });
            db.WarningFeeds.Add(new WarningFeed
            {
                OrganisationId = organisationId,
                Name = "MeteoAlarm Danmark",
                Url = "https://feeds.meteoalarm.org/feeds/meteoalarm-legacy-atom-denmark",
                IntervalMinutes = 10,
                Enabled = false,
                CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);

            var intake = services.GetRequiredService<WarningIntake>();
            await intake.IngestCapAsync(Encoding.UTF8.GetBytes(RainWarning(now)), new CapSource(WarningOrigin.Cap, "demo", "DMI via MeteoAlarm"), cancellationToken);
            await intake.IngestCapAsync(FrenchAlert(), new CapSource(WarningOrigin.Feed, "demo", "Météo-France via MeteoAlarm"), cancellationToken);
        }
        finally
        {
            current.Leave();
        }
    }

    private static byte[] FrenchAlert()
    {
        using var stream = typeof(WarningDemoData).Assembly.GetManifestResourceStream("Stabsrum.Features.Warnings.Demo.france_sample_detail.xml")
            ?? throw new InvalidOperationException("Demo alert missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>An orange rain warning for the Copenhagen area, valid from an hour from now for a day.</summary>
    internal static string RainWarning(DateTimeOffset now)
    {
        static string T(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var sent = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>2.49.0.0.208.0.DK.DEMO.{sent:yyyyMMddHH}</identifier>
              <sender>https://www.dmi.dk</sender>
              <sent>{T(sent)}</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <language>da-DK</language>
                <category>Met</category>
                <event>Kraftig regn</event>
                <responseType>Prepare</responseType>
                <urgency>Expected</urgency>
                <severity>Severe</severity>
                <certainty>Likely</certainty>
                <onset>{T(sent.AddHours(1))}</onset>
                <expires>{T(sent.AddHours(25))}</expires>
                <senderName>DMI</senderName>
                <headline>Varsel om kraftig regn i Københavns omegn</headline>
                <description>Der ventes 30-50 mm regn på 3 timer, lokalt skybrud. Risiko for oversvømmede veje og kældre.</description>
                <instruction>Hold kloakriste fri, flyt værdier op fra kældre, undgå oversvømmede veje.</instruction>
                <parameter><valueName>awareness_level</valueName><value>3; orange; Severe</value></parameter>
                <parameter><valueName>awareness_type</valueName><value>10; rain</value></parameter>
                <area>
                  <areaDesc>Københavns omegn</areaDesc>
                  <polygon>55.70,12.25 55.70,12.45 55.58,12.45 55.58,12.25 55.70,12.25</polygon>
                  <geocode><valueName>EMMA_ID</valueName><value>DK004</value></geocode>
                </area>
              </info>
            </alert>
            """;
    }
}
