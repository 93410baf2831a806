using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Stabsrum.Features.Templates;

/// <summary>The result of filling and rendering a template.</summary>
public sealed record RenderedTemplate(string Markdown, string Html, IReadOnlyList<string> UnknownPlaceholders);

/// <summary>
/// Fills placeholders and renders Markdown to HTML that is safe to put on a page: raw HTML is disabled (written out as
/// text), filled-in values cannot add Markdown of their own, and links may only be http(s), mailto, tel or relative.
/// </summary>
public static partial class TemplateRenderer
{
    /// <summary>The placeholders Stabsrum fills; incidents and meetings supply them when they use a template.</summary>
    public static readonly IReadOnlyList<(string Name, string Meaning)> KnownPlaceholders =
    [
        ("organisation", "Organisationens navn"),
        ("dato", "Dagens dato (dd-MM-yyyy)"),
        ("tid", "Klokkeslæt (HH:mm)"),
        ("bruger", "Den der bruger skabelonen"),
        ("hændelse.titel", "Hændelsens titel"),
        ("hændelse.niveau", "Beredskabsniveau"),
        ("hændelse.område", "Berørt område"),
        ("møde.nummer", "Mødets nummer"),
        ("møde.tidspunkt", "Mødets tidspunkt"),
    ];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseTaskLists()
        .Build();

    public static RenderedTemplate Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var unknown = new List<string>();
        var markdown = Placeholder().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return EscapeMarkdown(value);
            }

            if (!unknown.Contains(name, StringComparer.Ordinal))
            {
                unknown.Add(name);
            }

            return match.Value;
        });
        return new RenderedTemplate(markdown, ToSafeHtml(markdown), unknown);
    }

    /// <summary>Markdown to HTML with raw HTML disabled and unsafe link targets removed.</summary>
    public static string ToSafeHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.Url = "#";
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Names used in a template, in order of first use.</summary>
    public static IReadOnlyList<string> PlaceholdersIn(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#') || trimmed.StartsWith('?'))
        {
            return !trimmed.StartsWith("//", StringComparison.Ordinal);
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            ? uri.Scheme is "http" or "https" or "mailto" or "tel"
            : !trimmed.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>Backslash-escapes ASCII punctuation (CommonMark §2.4), so a value is shown as written and adds no markup.</summary>
    public static string EscapeMarkdown(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c < 128 && char.IsPunctuation(c) || c is '`' or '^' or '<' or '>' or '|' or '~' or '+' or '=' or '$')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[\p{L}\p{N}_.\-]{1,60})\s*\}\}")]
    private static partial Regex Placeholder();
}
