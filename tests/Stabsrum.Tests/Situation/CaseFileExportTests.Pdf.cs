using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CaseFile;
using Stabsrum.Tests.Infrastructure;
using Stabsrum.Tests.Pdf;

namespace Stabsrum.Tests.Situation;

/// <summary>The case file's PDF from our own writer (ADR 0017): no Chromium, the same words as the HTML, the same bytes for the same data.</summary>
public sealed partial class CaseFileExportTests
{
    [Fact]
    public async Task The_case_file_PDF_is_written_without_Chromium_with_every_word_of_the_HTML_and_the_same_bytes_twice()
    {
        var noChromium = new ConfiguredFactory("Pdf:ChromiumPath", "/findes/ikke/chromium");
        await ((IAsyncLifetime)noChromium).InitializeAsync();
        try
        {
            Assert.All(noChromium.Services.GetServices<ICaseFileSection>(), s => Assert.IsAssignableFrom<ICaseFilePdfChapter>(s));
            var (s, incident) = await IncidentWithHistoryAsync(noChromium);

            var first = await ExportAsync(s.AdminApi, incident, "pdf");
            var second = await ExportAsync(s.AdminApi, incident, "pdf");
            Assert.Equal(first, second);
            Assert.Contains("Sagsakt: Skybrud over byen", await PdfText.ExtractAsync(first), StringComparison.Ordinal);

            var (html, pdf) = await noChromium.WithDbAsync(s.Org.Id, async (_, sp) =>
            {
                var exporter = sp.GetRequiredService<CaseFileExporter>();
                var document = (await exporter.LoadAsync(incident, CancellationToken.None))!;
                var http = new DefaultHttpContext { RequestServices = sp };
                return (await exporter.RenderHtmlAsync(http, document), sp.GetRequiredService<CaseFilePdf>().Write(document));
            });
            var htmlWords = Words(WebUtility.HtmlDecode(Tags().Replace(Head().Replace(html, " "), " ")));
            var pdfWords = Words(await PdfText.ExtractAsync(pdf));

            Assert.Empty(Minus(htmlWords, pdfWords));
            // Beyond the HTML's words the PDF only has its running footer and the numbers the HTML's <ol> draws itself.
            var footer = Words("Sagsakt: Skybrud over byen Side af •");
            Assert.All(Minus(pdfWords, htmlWords), w => Assert.True(footer.Contains(w) || Numbering().IsMatch(w), $"'{w}' is in the PDF but not in the HTML"));
            Assert.True(htmlWords.Count > 300, $"only {htmlWords.Count} words in the HTML");
            Assert.Contains("Retter", htmlWords);
        }
        finally
        {
            await ((IAsyncLifetime)noChromium).DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_the_fonts_the_case_file_still_exports_through_Chromium()
    {
        var noFonts = new ConfiguredFactory("Pdf:FontDirectory", "/findes/ikke");
        await ((IAsyncLifetime)noFonts).InitializeAsync();
        try
        {
            var (s, incident) = await IncidentWithHistoryAsync(noFonts);

            var pdf = await ExportAsync(s.AdminApi, incident, "pdf");

            Assert.DoesNotContain("/Producer (Stabsrum)", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
            var text = await PdfText.ExtractAsync(pdf);
            Assert.Contains("Sagsakt: Skybrud over byen", text, StringComparison.Ordinal);
            Assert.Contains("Resultat: INTAKT.", text, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)noFonts).DisposeAsync();
        }
    }

    private static List<string> Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Multiset difference: each word of <paramref name="a"/> as often as it occurs more than in <paramref name="b"/>.</summary>
    private static List<string> Minus(List<string> a, List<string> b)
    {
        var left = b.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var word in a)
        {
            if (left.TryGetValue(word, out var n) && n > 0)
            {
                left[word] = n - 1;
            }
            else
            {
                missing.Add(word);
            }
        }

        return missing;
    }

    [GeneratedRegex(@"<head>.*?</head>", RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^\d+\.?$")]
    private static partial Regex Numbering();
}
