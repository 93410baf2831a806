using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Stabsrum.BrowserTests.Infrastructure;

/// <summary>A MeteoAlarm-style CAP 1.2 alert, posted to the app the way a warning system posts it.</summary>
public sealed record CapWarning(
    string Headline, string Event, string Urgency, string Severity, string AwarenessLevel, string AwarenessType,
    string AreaDesc, string EmmaId, TimeSpan ExpiresIn)
{
    public string ToXml()
    {
        var now = DateTimeOffset.UtcNow;
        static string T(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>journey-{Guid.NewGuid():N}</identifier>
              <sender>https://www.dmi.dk</sender>
              <sent>{T(now)}</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <language>da-DK</language>
                <category>Met</category>
                <event>{Event}</event>
                <urgency>{Urgency}</urgency>
                <severity>{Severity}</severity>
                <certainty>Likely</certainty>
                <expires>{T(now.Add(ExpiresIn))}</expires>
                <headline>{Headline}</headline>
                <parameter><valueName>awareness_level</valueName><value>{AwarenessLevel}</value></parameter>
                <parameter><valueName>awareness_type</valueName><value>{AwarenessType}</value></parameter>
                <area>
                  <areaDesc>{AreaDesc}</areaDesc>
                  <geocode><valueName>EMMA_ID</valueName><value>{EmmaId}</value></geocode>
                </area>
              </info>
            </alert>
            """;
    }

    /// <summary>Posts the alert with a personal access token; asserts 201 and returns the response body.</summary>
    public async Task<string> PostAsync(Uri baseAddress, string token)
    {
        using var api = new HttpClient { BaseAddress = baseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ToXml()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cap+xml");
        using var response = await api.PostAsync("/api/v1/warnings/cap", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return body;
    }
}
