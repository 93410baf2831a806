namespace Stabsrum.Infrastructure.Pdf;

/// <summary>Tables: wrapped cells in bordered rows, the header shaded and repeated on every page the table reaches.</summary>
public sealed partial class PdfFlow
{
    /// <summary>A table with wrapped cells; a row stays on one page when it fits on one, and the header repeats on each page.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string?>> rows, bool header = true)
    {
        var rowList = rows.ToList();
        var widths = ColumnWidths(columns, rowList);
        var headerRow = header ? WrapRow(columns.Select(c => (string?)c.Header).ToList(), widths, Bold) : null;
        var headerHeight = headerRow is null ? 0 : RowHeight(headerRow);
        var first = true;
        foreach (var row in rowList)
        {
            var cells = WrapRow(row, widths, Regular);
            var height = RowHeight(cells);
            if (_page is null || _y - height - (first ? headerHeight : 0) < Bottom)
            {
                NewPageIfUsed(height + headerHeight);
                first = true;
            }

            if (first && headerRow is not null)
            {
                DrawRow(headerRow, widths, headerRow.Max(c => c.Count), shaded: true);
            }

            first = false;
            // A row taller than a page is drawn in slices, continued under a repeated header.
            while (cells.Any(c => c.Count > 0))
            {
                var fit = (int)((_y - Bottom - (2 * CellPadding)) / (TableSize * Leading));
                var take = Math.Max(1, Math.Min(fit, cells.Max(c => c.Count)));
                DrawRow(cells, widths, take, shaded: false);
                cells = cells.Select(c => c.Skip(take).ToList()).ToList();
                if (cells.Any(c => c.Count > 0))
                {
                    NewPage();
                    if (headerRow is not null)
                    {
                        DrawRow(headerRow, widths, headerRow.Max(c => c.Count), shaded: true);
                    }
                }
            }
        }

        _y -= 6;
    }

    /// <summary>
    /// Widths by weight, except that a column narrower than its longest word is widened to it (taken from the others)
    /// when the table can afford it, so names like "Hjemmeplejen" are not broken inside a cell.
    /// </summary>
    private float[] ColumnWidths(IReadOnlyList<PdfColumn> columns, List<IReadOnlyList<string?>> rows)
    {
        var minimum = columns.Select((c, i) => Math.Max(
                LongestWord(c.Header, _fonts[Bold]),
                rows.Count == 0 ? 0 : rows.Max(r => i < r.Count ? LongestWord(r[i], _fonts[Regular]) : 0)) + (2 * CellPadding) + 0.5f)
            .ToArray();
        var widths = new float[columns.Count];
        var pinned = new bool[columns.Count];
        var fits = minimum.Sum() <= Width;
        bool changed;
        do
        {
            changed = false;
            var free = Width - minimum.Where((_, i) => pinned[i]).Sum();
            var weights = columns.Where((_, i) => !pinned[i]).Sum(c => c.Weight);
            for (var i = 0; i < columns.Count; i++)
            {
                widths[i] = pinned[i] ? minimum[i] : free * columns[i].Weight / weights;
                if (fits && !pinned[i] && widths[i] < minimum[i])
                {
                    pinned[i] = changed = true;
                }
            }
        }
        while (changed);

        return widths;
    }

    private static float LongestWord(string? text, TrueTypeFont font)
    {
        var longest = 0f;
        foreach (var word in (text ?? "").Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            longest = Math.Max(longest, font.Measure(word, TableSize));
        }

        return longest;
    }

    private void NewPageIfUsed(float needed)
    {
        if (_page is not null && (_y < Top || needed > Top - Bottom))
        {
            NewPage();
        }
    }

    private List<List<Line>> WrapRow(IReadOnlyList<string?> row, float[] widths, int font) =>
        widths.Select((w, i) => Wrap(new PdfParagraph([new PdfSpan(i < row.Count ? row[i] : null, font == Bold)], TableSize, 0, 0), w - (2 * CellPadding))).ToList();

    private static float RowHeight(List<List<Line>> cells) => (cells.Max(c => c.Count) * TableSize * Leading) + (2 * CellPadding);

    private void DrawRow(List<List<Line>> cells, float[] widths, int lines, bool shaded)
    {
        var page = Page();
        var height = (lines * TableSize * Leading) + (2 * CellPadding);
        var x = Left;
        if (shaded)
        {
            page.Fill(Left, _y - height, Width, height, 0.92f);
        }

        for (var c = 0; c < cells.Count; c++)
        {
            page.Rectangle(x, _y - height, widths[c], height, 0.5f);
            var baseline = _y - CellPadding - TableSize;
            foreach (var line in cells[c].Take(lines))
            {
                DrawLine(page, line, x + CellPadding, baseline);
                baseline -= TableSize * Leading;
            }

            x += widths[c];
        }

        _y -= height;
    }
}
