namespace Stabsrum.Tests.Warnings;

/// <summary>
/// The shared CAP test corpus (copied from ../shared/corpus/cap with its licences: Apache-2.0 google/cap-library,
/// MIT meteoalert-api), so the tests run anywhere.
/// </summary>
public static class CapCorpus
{
    public static string Path(string name) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Warnings", "Corpus", name.Contains('/', StringComparison.Ordinal) ? name : "google-cap-library/" + name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public static readonly string[] ValidAlerts =
    [
        "australia.cap", "canada.cap", "canada_signed.cap", "earthquake.cap", "earthquake-iso8859-1.cap", "earthquake_signed.cap",
        "no_optional_fields.cap", "wcatwc-warning.cap", "weather.cap",
        "meteoalarm/france_sample_detail.xml", "meteoalarm/ireland_sample_detail.xml", "meteoalarm/uk_nothern_ireland_sample_detail.xml",
    ];

    /// <summary>Each broken alert with a word its refusal must name.</summary>
    public static readonly (string File, string Names)[] InvalidAlerts =
    [
        ("invalid.cap", "scope"),
        ("canada_errors.cap", "references"),
        ("noaa_errors.cap", "certainty"),
        ("xee.cap", "DTD"),
    ];

    /// <summary>Atom feeds are not alerts: posting one as CAP is refused by its root element.</summary>
    public static readonly string[] AtomFiles =
    [
        "amber.atom", "canada_signed.atom", "earthquake_index.atom", "empty_weather_index.atom", "invalid_element.atom", "no_entries.atom",
        "no_id.atom", "no_link.atom", "no_title.atom", "weather.atom", "weather_index.atom", "weather_invalid.atom",
        "meteoalarm/france_sample.xml", "meteoalarm/ireland_sample.xml", "meteoalarm/uk_sample.xml",
    ];
}
