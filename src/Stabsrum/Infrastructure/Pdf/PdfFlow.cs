using System.Text;

namespace Stabsrum.Infrastructure.Pdf;

/// <summary>A piece of text in one weight; a paragraph is a list of these, wrapped as one.</summary>
public readonly record struct PdfSpan(string? Text, bool Bold = false);

/// <summary>A paragraph to wrap: its spans, font size, left indent and the space below it (points).</summary>
public sealed record PdfParagraph(IReadOnlyList<PdfSpan> Spans, float Size = PdfFlow.BodySize, float Indent = 0, float SpaceAfter = 4)
{
    public static PdfParagraph Of(string? text, bool bold = false, float size = PdfFlow.BodySize, float indent = 0, float spaceAfter = 4) =>
        new([new PdfSpan(text, bold)], size, indent, spaceAfter);
}

/// <summary>A table column: its header and its share of the table's width.</summary>
public sealed record PdfColumn(string Header, float Weight);

/// <summary>
/// Lays text out on A4 pages top to bottom and streams each full page to a <see cref="PdfDocumentWriter"/>: headings
/// kept with what follows, paragraphs wrapped at word boundaries (a word longer than the line is broken), blocks kept
/// on one page when they fit, tables with wrapped cells whose header repeats on every page, and a footer with the
/// document's name and "Side N af M". Line breaks in the text are kept; other control characters become spaces.
/// </summary>
public sealed partial class PdfFlow
{
    public const float BodySize = 10;
    private const int Regular = 0, Bold = 1;
    private const float Left = 45, Right = PdfDocumentWriter.PageWidth - 45, Top = PdfDocumentWriter.PageHeight - 50, Bottom = 60, FooterY = 32;
    private const float Leading = 1.3f, CellPadding = 3, TableSize = 9;

    private readonly PdfDocumentWriter _writer;
    private readonly TrueTypeFont[] _fonts;
    private readonly string _footer;
    private PdfPage? _page;
    private float _y = Top;

    /// <param name="writer">Receives the pages; its fonts 0 and 1 are the regular and the bold weight.</param>
    /// <param name="footer">Printed at the bottom left of every page (shortened with … if too long).</param>
    public PdfFlow(PdfDocumentWriter writer, string footer)
    {
        _writer = writer;
        _fonts = [writer.Fonts[Regular], writer.Fonts[Bold]];
        _footer = footer;
    }

    public static float Width => Right - Left;

    /// <summary>Ends the current page (if anything is on it); the next content starts a new one.</summary>
    public void NewPage()
    {
        if (_page is null)
        {
            return;
        }

        DrawFooter(_page);
        _page.End();
        _page = null;
        _y = Top;
    }

    /// <summary>Ends the last page and completes the file.</summary>
    public void Finish()
    {
        if (_page is null && _writer.PageCount == 0)
        {
            Page();
        }

        NewPage();
        _writer.Finish();
    }

    /// <summary>A bold heading; starts a new page if it would otherwise end up alone at the bottom.</summary>
    public void Heading(string text, float size)
    {
        var lines = Wrap(new PdfParagraph([new PdfSpan(text, Bold: true)], size, 0, size * 0.5f));
        var needed = Height(lines) + (BodySize * Leading * 3);
        if (_page is not null && _y - needed < Bottom)
        {
            NewPage();
        }

        _y -= _page is null || _y >= Top ? 0 : size * 0.6f;
        Place(lines, size * 0.5f);
    }

    public void Paragraph(PdfParagraph paragraph) => Place(Wrap(paragraph), paragraph.SpaceAfter);

    public void Paragraph(string? text, bool bold = false, float size = BodySize) => Paragraph(PdfParagraph.Of(text, bold, size));

    /// <summary>Paragraphs kept on one page if they fit on one, optionally with a thin rule below (one log entry, one task).</summary>
    public void Block(IReadOnlyList<PdfParagraph> paragraphs, bool ruleBelow = false)
    {
        var wrapped = paragraphs.Select(p => (Lines: Wrap(p), p.SpaceAfter)).ToList();
        KeepTogether(wrapped.Sum(w => Height(w.Lines) + w.SpaceAfter) + (ruleBelow ? 3 : 0));
        foreach (var (lines, spaceAfter) in wrapped)
        {
            Place(lines, spaceAfter);
        }

        if (ruleBelow)
        {
            var page = Page();
            page.Line(Left, _y + 1, Right, _y + 1, 0.4f);
            _y -= 3;
        }
    }

    /// <summary>A paragraph in a frame, for what must not be overlooked (a broken hash chain, an exercise).</summary>
    public void Framed(PdfParagraph paragraph, float lineWidth)
    {
        const float pad = 6;
        var lines = Wrap(paragraph with { Indent = paragraph.Indent + pad }, Width - (2 * pad));
        var height = Height(lines) + (2 * pad);
        KeepTogether(height + paragraph.SpaceAfter);
        var page = Page();
        var top = _y;
        _y -= pad;
        Place(lines, 0);
        if (ReferenceEquals(page, _page))
        {
            page.Rectangle(Left + paragraph.Indent, _y - pad, Width - paragraph.Indent, top - _y + pad, lineWidth);
        }

        _y -= pad + paragraph.SpaceAfter;
    }

    private void KeepTogether(float height)
    {
        if (_page is not null && _y - height < Bottom && height <= Top - Bottom)
        {
            NewPage();
        }
    }

    private void Place(List<Line> lines, float spaceAfter)
    {
        foreach (var line in lines)
        {
            var height = line.Size * Leading;
            if (_page is not null && _y - height < Bottom)
            {
                NewPage();
            }

            var page = Page();
            DrawLine(page, line, Left + line.Indent, _y - line.Size);
            _y -= height;
        }

        _y -= spaceAfter;
    }

    private static void DrawLine(PdfPage page, Line line, float x, float baseline)
    {
        if (line.IsEmpty)
        {
            return;
        }

        page.BeginText(x, baseline);
        foreach (var (font, text) in line.Runs)
        {
            foreach (var chunk in text.GetChunks())
            {
                page.Show(font, line.Size, chunk.Span);
            }
        }

        page.EndText();
    }

    private PdfPage Page() => _page ??= _writer.BeginPage();

    private void DrawFooter(PdfPage page)
    {
        const float size = 8;
        var number = $"Side {page.Number} af ";
        var numberX = Right - 70;
        var room = numberX - Left - 10;
        var footer = _footer;
        if (_fonts[Regular].Measure(footer, size) > room)
        {
            while (footer.Length > 0 && _fonts[Regular].Measure(footer + "…", size) > room)
            {
                footer = footer[..^1];
            }

            footer += "…";
        }

        page.Line(Left, FooterY + 11, Right, FooterY + 11, 0.4f);
        page.Text(Left, FooterY, Regular, size, footer);
        page.BeginText(numberX, FooterY);
        page.Show(Regular, size, number);
        page.EndText();
        page.TotalPages(numberX + _fonts[Regular].Measure(number, size), FooterY, Regular, size);
    }

    private static float Height(List<Line> lines) => lines.Sum(l => l.Size * Leading);

    private List<Line> Wrap(PdfParagraph paragraph) => Wrap(paragraph, Width - paragraph.Indent);

    /// <summary>Greedy word wrap over the spans with the fonts' real widths; spaces collapse, line breaks are kept.</summary>
    private List<Line> Wrap(PdfParagraph paragraph, float width)
    {
        var size = paragraph.Size;
        var lines = new List<Line>();
        var line = new Line(size, paragraph.Indent);
        var x = 0f;
        var pendingSpace = false;
        foreach (var span in paragraph.Spans)
        {
            var font = span.Bold ? Bold : Regular;
            var metrics = _fonts[font];
            var spaceWidth = metrics.Measure(" ", size);
            var text = Clean(span.Text);
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    lines.Add(line);
                    line = new Line(size, paragraph.Indent);
                    x = 0;
                    pendingSpace = false;
                    i++;
                    continue;
                }

                if (c == ' ')
                {
                    pendingSpace = !line.IsEmpty;
                    i++;
                    continue;
                }

                var end = i;
                while (end < text.Length && text[end] is not (' ' or '\n'))
                {
                    end++;
                }

                var word = text.AsSpan(i, end - i);
                var wordWidth = metrics.Measure(word, size);
                var spaceBefore = pendingSpace ? spaceWidth : 0;
                if (x + spaceBefore + wordWidth <= width || (line.IsEmpty && wordWidth <= width))
                {
                    line.Add(font, pendingSpace, word);
                    x += spaceBefore + wordWidth;
                    pendingSpace = false;
                    i = end;
                }
                else if (!line.IsEmpty)
                {
                    lines.Add(line);
                    line = new Line(size, paragraph.Indent);
                    x = 0;
                    pendingSpace = false;
                }
                else
                {
                    // A word wider than the line: as many characters as fit (at least one), the rest on the next line.
                    var fit = 1;
                    while (fit < word.Length && metrics.Measure(word[..(fit + 1)], size) <= width)
                    {
                        fit++;
                    }

                    if (char.IsHighSurrogate(word[fit - 1]) && fit < word.Length)
                    {
                        fit++;
                    }

                    line.Add(font, false, word[..fit]);
                    lines.Add(line);
                    line = new Line(size, paragraph.Indent);
                    x = 0;
                    i += fit;
                }
            }
        }

        if (!line.IsEmpty || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Line breaks normalised to \n; tabs and other control characters become spaces.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            clean.Append(c is '\r' or '\n' or '\u2028' or '\u2029' ? '\n' : char.IsControl(c) ? ' ' : c);
        }

        return clean.ToString();
    }

    private sealed class Line(float size, float indent)
    {
        private readonly List<(int Font, StringBuilder Text)> _runs = [];

        public float Size { get; } = size;

        public float Indent { get; } = indent;

        public bool IsEmpty => _runs.Count == 0;

        public IEnumerable<(int Font, StringBuilder Text)> Runs => _runs;

        public void Add(int font, bool space, ReadOnlySpan<char> word)
        {
            if (_runs.Count == 0 || _runs[^1].Font != font)
            {
                _runs.Add((font, new StringBuilder(128)));
            }

            var text = _runs[^1].Text;
            if (space)
            {
                text.Append(' ');
            }

            text.Append(word);
        }
    }
}
