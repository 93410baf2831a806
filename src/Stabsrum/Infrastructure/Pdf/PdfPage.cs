using System.Globalization;
using System.Text;

namespace Stabsrum.Infrastructure.Pdf;

/// <summary>
/// One page being drawn: text runs, lines and rectangles in points from the bottom-left corner. Nothing is written
/// until <see cref="End"/>, which compresses the page's content into the file.
/// </summary>
public sealed class PdfPage
{
    private readonly PdfDocumentWriter _writer;
    private readonly StringBuilder _content = new();
    private bool _inText;
    private bool _ended;

    internal PdfPage(PdfDocumentWriter writer, int number)
    {
        _writer = writer;
        Number = number;
    }

    /// <summary>1-based page number.</summary>
    public int Number { get; }

    /// <summary>Starts a line of text whose baseline begins at (x, y); follow with <see cref="Show"/> runs and <see cref="EndText"/>.</summary>
    public void BeginText(float x, float y)
    {
        EndText();
        _content.Append(CultureInfo.InvariantCulture, $"BT {N(x)} {N(y)} Td ");
        _inText = true;
    }

    /// <summary>A run in one font, continuing where the previous run ended (the viewer advances by the font's widths).</summary>
    public void Show(int font, float size, ReadOnlySpan<char> text)
    {
        if (!_inText)
        {
            throw new InvalidOperationException("Show needs BeginText first.");
        }

        _content.Append(CultureInfo.InvariantCulture, $"/F{font} {N(size)} Tf <");
        _writer.AppendCodes(_content, font, text);
        _content.Append("> Tj ");
    }

    public void EndText()
    {
        if (_inText)
        {
            _content.Append("ET\n");
            _inText = false;
        }
    }

    public void Text(float x, float y, int font, float size, ReadOnlySpan<char> text)
    {
        BeginText(x, y);
        Show(font, size, text);
        EndText();
    }

    /// <summary>Draws the document's total page count (known only at the end) at (x, y), in the given font and size.</summary>
    public void TotalPages(float x, float y, int font, float size)
    {
        EndText();
        _writer.UsePageCount(font);
        _content.Append(CultureInfo.InvariantCulture, $"q {N(size)} 0 0 {N(size)} {N(x)} {N(y)} cm /PageCount Do Q\n");
    }

    public void Line(float x1, float y1, float x2, float y2, float width)
    {
        EndText();
        _content.Append(CultureInfo.InvariantCulture, $"{N(width)} w {N(x1)} {N(y1)} m {N(x2)} {N(y2)} l S\n");
    }

    public void Rectangle(float x, float y, float width, float height, float lineWidth)
    {
        EndText();
        _content.Append(CultureInfo.InvariantCulture, $"{N(lineWidth)} w {N(x)} {N(y)} {N(width)} {N(height)} re S\n");
    }

    /// <summary>A filled rectangle in grey (0 black … 1 white); the fill colour is reset to black afterwards.</summary>
    public void Fill(float x, float y, float width, float height, float grey)
    {
        EndText();
        _content.Append(CultureInfo.InvariantCulture, $"{N(grey)} g {N(x)} {N(y)} {N(width)} {N(height)} re f 0 g\n");
    }

    public void End()
    {
        if (_ended)
        {
            return;
        }

        EndText();
        _ended = true;
        _writer.EndPage(_content);
    }

    private static string N(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
