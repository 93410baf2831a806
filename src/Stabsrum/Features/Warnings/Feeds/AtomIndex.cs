using System.Xml.Linq;
using Stabsrum.Features.Warnings.Cap;

namespace Stabsrum.Features.Warnings.Feeds;

/// <summary>One entry of an Atom index feed: where its CAP alert is, or the alert itself when embedded in content.</summary>
public sealed record AtomEntry(string? Id, string? Title, Uri? CapUrl, string? InlineAlert)
{
    /// <summary>What identifies the entry's alert source, so polling skips what it already has.</summary>
    public string SourceKey => CapUrl?.AbsoluteUri ?? "urn:atom-entry:" + Id;
}

public sealed record AtomIndexResult(IReadOnlyList<AtomEntry> Entries, int EntriesWithoutLink, string? Error);

/// <summary>
/// Reads an Atom index of CAP alerts (MeteoAlarm's per-country feeds, NWS/Environment Canada style indexes)
/// with the same safe XML settings as CAP itself: no DTD, no resolver, a size ceiling.
/// </summary>
public static class AtomIndex
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static AtomIndexResult Read(ReadOnlyMemory<byte> bytes, Uri feedUrl, int maxBytes = SafeXml.DefaultMaxBytes)
    {
        if (LooksLikeHtml(bytes.Span))
        {
            return new([], 0, "Svaret er en HTML-side, ikke et Atom-feed.");
        }

        var doc = SafeXml.TryLoad(bytes, maxBytes, out var error);
        if (doc is null)
        {
            return new([], 0, "Feedet kunne ikke læses: " + error);
        }

        if (doc.Root!.Name != Atom + "feed")
        {
            return new([], 0, $"Svaret er ikke et Atom-feed (rodelementet er '{doc.Root.Name.LocalName}').");
        }

        var entries = new List<AtomEntry>();
        var withoutLink = 0;
        foreach (var entry in doc.Root.Elements(Atom + "entry"))
        {
            var id = entry.Element(Atom + "id")?.Value.Trim();
            var title = entry.Element(Atom + "title")?.Value.Trim();
            var inline = entry.Element(Atom + "content")?.Elements().FirstOrDefault(e => e.Name.LocalName == "alert");
            if (inline is not null && !string.IsNullOrEmpty(id))
            {
                entries.Add(new AtomEntry(id, title, null, inline.ToString(SaveOptions.DisableFormatting)));
            }
            else if (CapLink(entry, feedUrl) is { } url)
            {
                entries.Add(new AtomEntry(id, title, url, null));
            }
            else
            {
                withoutLink++;
            }
        }

        // MeteoAlarm lists one entry per area, all pointing at the same alert: fetch each alert once.
        return new(entries.DistinctBy(e => e.SourceKey).ToList(), withoutLink, null);
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        return head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The link typed application/cap+xml, else the alternate (or untyped, rel-less) link. Only http(s).</summary>
    private static Uri? CapLink(XElement entry, Uri feedUrl)
    {
        var links = entry.Elements(Atom + "link").ToList();
        var link = links.FirstOrDefault(l => string.Equals((string?)l.Attribute("type"), "application/cap+xml", StringComparison.OrdinalIgnoreCase))
            ?? links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate" && (string?)l.Attribute("type") is null or "application/xml" or "text/xml");
        var href = (string?)link?.Attribute("href");
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(feedUrl, href.Trim(), out var url) || url.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return url;
    }
}
