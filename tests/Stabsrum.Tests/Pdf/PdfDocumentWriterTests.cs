using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Stabsrum.Infrastructure.Pdf;

namespace Stabsrum.Tests.Pdf;

/// <summary>Our own PDF writer (ADR 0017), checked with poppler: the file parses, text extracts exactly, wrapping and page breaks, determinism.</summary>
public sealed partial class PdfDocumentWriterTests
{
    private static readonly Lazy<TrueTypeFont[]> Fonts = new(() =>
        [TrueTypeFont.Load("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), TrueTypeFont.Load("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")]);

    [Fact]
    public async Task Danish_text_and_characters_the_font_lacks_extract_exactly_and_pdfinfo_reads_the_file()
    {
        var pdf = Write(flow =>
        {
            flow.Heading("Situationsbillede for Høje-Taastrup", 16);
            flow.Paragraph(new PdfParagraph([new PdfSpan("Æbler, øl og ål – "), new PdfSpan("beredskabsniveau 2", Bold: true), new PdfSpan(". Å ø Æ.")]));
            flow.Paragraph("Uden for skrifttypen: 漢字 og 🚒 brandbil.");
            flow.Paragraph("Klokke\u0007slag, halv\uD800surrogat.");
        });

        var info = await PopplerAsync("pdfinfo", pdf);
        var text = await PdfText.ExtractAsync(pdf);

        Assert.Matches(@"PDF version:\s+1\.7", info);
        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Matches(@"Page size:\s+595\.28 x 841\.89", info);
        Assert.Contains("Situationsbillede for Høje-Taastrup", text, StringComparison.Ordinal);
        Assert.Contains("Æbler, øl og ål – beredskabsniveau 2. Å ø Æ.", text, StringComparison.Ordinal);
        Assert.Contains("Uden for skrifttypen: 漢字 og 🚒 brandbil.", text, StringComparison.Ordinal);
        Assert.Contains("Side 1 af 1", text, StringComparison.Ordinal);
        Assert.Contains("Klokke slag, halv\uFFFDsurrogat.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_wrap_within_the_measured_width_and_a_word_longer_than_a_line_is_broken()
    {
        var longWord = string.Concat(Enumerable.Range(0, 40).Select(i => "Brandvæsen" + i.ToString(CultureInfo.InvariantCulture)));
        var words = string.Join(" ", Enumerable.Range(0, 300).Select(i => i % 7 == 0 ? "evakueringscentret" : "på Ålekistevej " + i.ToString(CultureInfo.InvariantCulture)));
        var pdf = Write(flow =>
        {
            flow.Paragraph(words);
            flow.Paragraph(longWord);
        });

        var lines = (await PdfText.ExtractAsync(pdf)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart('\f'))
            .Where(l => !l.StartsWith("Side ", StringComparison.Ordinal) && l != "Prøve").ToList();

        var wrapped = lines.TakeWhile(l => !l.StartsWith("Brandvæsen", StringComparison.Ordinal)).ToList();
        Assert.True(wrapped.Count > 10, $"only {wrapped.Count} lines");
        Assert.Equal(words, string.Join(" ", wrapped));
        Assert.All(wrapped, l => Assert.True(Fonts.Value[0].Measure(l, PdfFlow.BodySize) <= PdfFlow.Width + 0.01f, $"too wide: {l}"));
        // Greedy: the next line's first word would not have fitted on the line before.
        Assert.All(wrapped.Zip(wrapped.Skip(1)), p => Assert.True(Fonts.Value[0].Measure(p.First + " " + p.Second.Split(' ')[0], PdfFlow.BodySize) > PdfFlow.Width));
        var broken = lines.SkipWhile(l => !l.StartsWith("Brandvæsen", StringComparison.Ordinal)).ToList();
        Assert.True(broken.Count > 1, "the long word was not broken");
        Assert.Equal(longWord, string.Concat(broken));
    }

    [Fact]
    public async Task Content_flows_onto_new_pages_and_table_headers_repeat_with_page_numbers_of_the_total()
    {
        var pdf = Write(flow =>
        {
            for (var i = 1; i <= 80; i++)
            {
                flow.Block([PdfParagraph.Of($"Nr. {i}", bold: true, size: 9), PdfParagraph.Of($"Post {i}: vandstanden måles.")], ruleBelow: true);
            }

            flow.NewPage();
            flow.Table([new PdfColumn("Tidspunkt", 1), new PdfColumn("Enhed", 2)],
                Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string?>)[$"kl. {i}", $"Enhed {i} med en længere tekst der skal ombrydes i cellen, fordi den er bred nok til det"]));
        });

        var pages = int.Parse(PagesPattern().Match(await PopplerAsync("pdfinfo", pdf)).Groups[1].Value, CultureInfo.InvariantCulture);
        var text = await PdfText.ExtractAsync(pdf);

        Assert.True(pages >= 4, $"{pages} pages");
        for (var p = 1; p <= pages; p++)
        {
            Assert.Contains($"Side {p} af {pages}", text, StringComparison.Ordinal);
        }

        Assert.Contains("Post 80: vandstanden måles.", text, StringComparison.Ordinal);
        Assert.Contains("kl. 120", text, StringComparison.Ordinal);
        var tablePages = 0;
        for (var p = 1; p <= pages; p++)
        {
            var page = await PdfText.ExtractAsync(pdf, firstPage: p, lastPage: p);
            if (page.Contains("kl. ", StringComparison.Ordinal))
            {
                tablePages++;
                Assert.Single(Regex.Matches(page, "Tidspunkt"));
            }
            else
            {
                Assert.DoesNotContain("Tidspunkt", page, StringComparison.Ordinal);
            }
        }

        Assert.True(tablePages >= 2, $"the table took {tablePages} page(s)");
    }

    [Fact]
    public void The_same_content_gives_the_same_bytes_and_different_content_a_different_id()
    {
        static void Content(PdfFlow flow, string last)
        {
            flow.Heading("Sagsakt", 16);
            flow.Paragraph(string.Concat(Enumerable.Repeat("Skybrud over byen. ", 400)));
            flow.Paragraph(last);
        }

        var first = Write(flow => Content(flow, "ens"));
        var second = Write(flow => Content(flow, "ens"));
        var other = Write(flow => Content(flow, "anderledes"));

        Assert.Equal(first, second);
        Assert.NotEqual(IdOf(first), IdOf(other));
        Assert.DoesNotContain("CreationDate", System.Text.Encoding.ASCII.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_TrueType_font_is_refused_as_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse([0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 1, 2], "x"));
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(Fonts.Value[0].File.AsSpan(0, 400).ToArray(), "x"));
        Assert.Equal(0, Fonts.Value[0].GlyphId(0x1F692));
        Assert.NotEqual(0, Fonts.Value[0].GlyphId('ø'));
        Assert.True(Fonts.Value[1].Measure("Ålborg", 10) > Fonts.Value[0].Measure("Ålborg", 10), "bold is wider than regular in DejaVu");
    }

    private static byte[] Write(Action<PdfFlow> content)
    {
        using var output = new MemoryStream();
        using (var writer = new PdfDocumentWriter(output, Fonts.Value, "Prøve"))
        {
            var flow = new PdfFlow(writer, "Prøve");
            content(flow);
            flow.Finish();
        }

        return output.ToArray();
    }

    private static string IdOf(byte[] pdf) => IdPattern().Match(System.Text.Encoding.ASCII.GetString(pdf)).Groups[1].Value;

    private static async Task<string> PopplerAsync(string tool, byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, [file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0 && errors.Length == 0, $"{tool}: {errors}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesPattern();

    [GeneratedRegex(@"/ID \[<([0-9A-F]+)>")]
    private static partial Regex IdPattern();
}
