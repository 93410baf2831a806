using Stabsrum.Features.Warnings.Feeds;

namespace Stabsrum.Tests.Warnings;

public sealed class AtomIndexTests
{
    private static readonly Uri Base = new("https://feeds.example/feed");

    [Fact]
    public void MeteoAlarm_lists_each_alert_once_by_its_cap_link()
    {
        var index = AtomIndex.Read(CapCorpus.Bytes("meteoalarm/uk_sample.xml"), Base);

        Assert.Null(index.Error);
        Assert.NotEmpty(index.Entries);
        Assert.All(index.Entries, e => Assert.StartsWith("https://feeds.meteoalarm.org/api/v1/warnings/feeds-united-kingdom/", e.CapUrl!.AbsoluteUri, StringComparison.Ordinal));
        Assert.Equal(index.Entries.Count, index.Entries.Select(e => e.CapUrl).Distinct().Count());
    }

    [Theory]
    [InlineData("weather_index.atom")]
    [InlineData("earthquake_index.atom")]
    [InlineData("meteoalarm/france_sample.xml")]
    [InlineData("meteoalarm/ireland_sample.xml")]
    public void Corpus_index_feeds_have_entries_with_links(string file)
    {
        var index = AtomIndex.Read(CapCorpus.Bytes(file), Base);

        Assert.Null(index.Error);
        Assert.NotEmpty(index.Entries);
    }

    [Fact]
    public void An_alert_embedded_in_the_entry_content_is_taken_as_it_is()
    {
        var index = AtomIndex.Read(CapCorpus.Bytes("amber.atom"), Base);

        var entry = Assert.Single(index.Entries);
        Assert.Null(entry.CapUrl);
        Assert.Equal("urn:atom-entry:http://doj.dc.gov/amber12345", entry.SourceKey);
        var alert = Stabsrum.Features.Warnings.Cap.CapParser.Parse(System.Text.Encoding.UTF8.GetBytes(entry.InlineAlert!));
        Assert.True(alert.Succeeded, string.Join("\n", alert.Errors));
        Assert.Equal("Child Abduction", alert.Alert!.Infos[0].Event);
    }

    [Fact]
    public void Entries_without_a_link_are_counted_not_followed()
    {
        var index = AtomIndex.Read(CapCorpus.Bytes("no_link.atom"), Base);

        Assert.Empty(index.Entries);
        Assert.True(index.EntriesWithoutLink > 0);
    }

    [Fact]
    public void An_empty_feed_is_fine()
    {
        var index = AtomIndex.Read(CapCorpus.Bytes("empty_weather_index.atom"), Base);

        Assert.Null(index.Error);
        Assert.Empty(index.Entries);
    }

    [Fact]
    public void The_xee_feed_is_refused_for_its_DTD()
    {
        var index = AtomIndex.Read(CapCorpus.Bytes("xee.atom"), Base);

        Assert.Contains("DTD", index.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!doctype html><html><body>Vedligehold</body></html>", "HTML")]
    [InlineData("<html><body>Vedligehold</body></html>", "HTML")]
    [InlineData("<feed/>", "ikke et Atom-feed")]
    [InlineData("<rss version=\"2.0\"><channel/></rss>", "'rss'")]
    public void Html_or_other_documents_are_not_feeds(string body, string reason)
    {
        var index = AtomIndex.Read(System.Text.Encoding.UTF8.GetBytes(body), Base);

        Assert.Contains(reason, index.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_links_resolve_against_the_feed_and_non_http_links_are_ignored()
    {
        const string Feed = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>1</id><link href="alerts/1.xml"/></entry>
              <entry><id>2</id><link href="file:///etc/passwd"/></entry>
            </feed>
            """;

        var index = AtomIndex.Read(System.Text.Encoding.UTF8.GetBytes(Feed), Base);

        Assert.Equal("https://feeds.example/alerts/1.xml", Assert.Single(index.Entries).CapUrl!.AbsoluteUri);
        Assert.Equal(1, index.EntriesWithoutLink);
    }
}
