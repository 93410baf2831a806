using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Stabsrum.Infrastructure.Pdf;

/// <summary>
/// Writes a PDF 1.7 file page by page to a stream, for documents too large for Chromium to lay out in time (the case
/// file, ADR 0017). Pages are A4, content streams are Flate-compressed and written as soon as a page ends, so memory
/// does not grow with the page count. Fonts are embedded whole as CIDFontType2 with Identity-H; a character code is
/// the character's UTF-16 code unit (characters outside the BMP get codes in the surrogate range, which no BMP
/// character uses), a CIDToGIDMap maps codes to glyphs, and a ToUnicode CMap maps them back, so text extraction
/// returns exactly what was written, even for characters the font lacks (drawn as its missing glyph).
/// The output has no dates and an /ID derived from the content: the same calls give the same bytes.
/// </summary>
public sealed class PdfDocumentWriter : IDisposable
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;

    private const int CatalogObject = 1, PagesObject = 2, ResourcesObject = 3, PageCountObject = 4, InfoObject = 5, FirstFontObject = 6, ObjectsPerFont = 6;
    private const int FirstAstralCode = 0xD800, LastAstralCode = 0xDFFF;

    private readonly Stream _output;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IReadOnlyList<TrueTypeFont> _fonts;
    private readonly HashSet<int>[] _usedCodes;
    private readonly Dictionary<int, int> _astralCodes = [];
    private readonly Dictionary<int, int> _astralRunes = [];
    private readonly List<long> _offsets = [0];
    private readonly List<int> _pages = [];
    private readonly string _title;
    private long _position;
    private int _pageCountFont = -1;
    private bool _finished;

    /// <param name="output">Receives the file; written forward only.</param>
    /// <param name="fonts">Fonts by index (<c>/F0</c>, <c>/F1</c> …), embedded whole.</param>
    /// <param name="title">The document title (PDF metadata).</param>
    public PdfDocumentWriter(Stream output, IReadOnlyList<TrueTypeFont> fonts, string title)
    {
        _output = output;
        _fonts = fonts;
        _title = title;
        _usedCodes = fonts.Select(_ => new HashSet<int>()).ToArray();
        for (var i = 1; i < FirstFontObject + (fonts.Count * ObjectsPerFont); i++)
        {
            _offsets.Add(-1);
        }

        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8);
    }

    public IReadOnlyList<TrueTypeFont> Fonts => _fonts;

    public int PageCount => _pages.Count;

    public PdfPage BeginPage()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The document is finished.");
        }

        return new PdfPage(this, _pages.Count + 1);
    }

    /// <summary>Writes the fonts, the page tree and the cross-reference table. The stream is not closed.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        WritePageCount();
        var fonts = new StringBuilder("<< ");
        for (var f = 0; f < _fonts.Count; f++)
        {
            WriteFont(f);
            fonts.Append(CultureInfo.InvariantCulture, $"/F{f} {FontObject(f)} 0 R ");
        }

        fonts.Append(">>");
        WriteObject(ResourcesObject, $"<< /Font {fonts} /XObject << /PageCount {PageCountObject} 0 R >> >>");
        var kids = string.Join(" ", _pages.Select(p => $"{p} 0 R"));
        WriteObject(PagesObject, $"<< /Type /Pages /Count {_pages.Count} /Kids [{kids}] >>");
        WriteObject(CatalogObject, $"<< /Type /Catalog /Pages {PagesObject} 0 R >>");
        WriteObject(InfoObject, $"<< /Title {TextString(_title)} /Producer (Stabsrum) >>");

        var xref = _position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {_offsets.Count}\n0000000000 65535 f \n");
        foreach (var offset in _offsets.Skip(1))
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        Write(table.ToString());
        var id = Convert.ToHexString(_hash.GetCurrentHash().AsSpan(0, 16));
        Write($"trailer\n<< /Size {_offsets.Count} /Root {CatalogObject} 0 R /Info {InfoObject} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n");
        _output.Flush();
    }

    /// <summary>The character codes for a text run (as hex for a PDF string), recording which codes each font needs.</summary>
    internal void AppendCodes(StringBuilder content, int font, ReadOnlySpan<char> text)
    {
        var used = _usedCodes[font];
        foreach (var rune in text.EnumerateRunes())
        {
            var code = rune.IsBmp ? rune.Value : AstralCode(rune.Value);
            used.Add(code);
            content.Append(HexDigits[code >> 12]).Append(HexDigits[(code >> 8) & 0xF]).Append(HexDigits[(code >> 4) & 0xF]).Append(HexDigits[code & 0xF]);
        }
    }

    internal void UsePageCount(int font)
    {
        if (_pageCountFont < 0)
        {
            _pageCountFont = font;
        }
    }

    internal static int PageCountObjectNumber => PageCountObject;

    internal void EndPage(StringBuilder content)
    {
        var contentObject = NewObject();
        WriteStream(contentObject, "", Encoding.ASCII.GetBytes(content.ToString()), CompressionLevel.Fastest);
        var page = NewObject();
        WriteObject(page, FormattableString.Invariant(
            $"<< /Type /Page /Parent {PagesObject} 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] /Resources {ResourcesObject} 0 R /Contents {contentObject} 0 R >>"));
        _pages.Add(page);
    }

    private const string HexDigits = "0123456789ABCDEF";

    public void Dispose() => _hash.Dispose();

    private int AstralCode(int rune)
    {
        if (_astralCodes.TryGetValue(rune, out var code))
        {
            return code;
        }

        // More distinct non-BMP characters than the surrogate range holds: the rest share the replacement character.
        code = FirstAstralCode + _astralCodes.Count;
        if (code > LastAstralCode)
        {
            return 0xFFFD;
        }

        _astralCodes[rune] = code;
        _astralRunes[code] = rune;
        return code;
    }

    private int GlyphFor(int font, int code) =>
        _fonts[font].GlyphId(code is >= FirstAstralCode and <= LastAstralCode ? _astralRunes.GetValueOrDefault(code, 0xFFFD) : code);

    private int WidthFor(int font, int code) =>
        _fonts[font].Advance(code is >= FirstAstralCode and <= LastAstralCode ? _astralRunes.GetValueOrDefault(code, 0xFFFD) : code);

    /// <summary>"af M" as a form XObject: pages are written before the total is known, and each footer draws this.</summary>
    private void WritePageCount()
    {
        var font = Math.Max(_pageCountFont, 0);
        var content = new StringBuilder();
        content.Append(CultureInfo.InvariantCulture, $"BT /F{font} 1 Tf 0 0 Td <");
        if (_fonts.Count > 0)
        {
            AppendCodes(content, font, _pages.Count.ToString(CultureInfo.InvariantCulture));
        }

        content.Append("> Tj ET");
        WriteStream(PageCountObject, $"/Type /XObject /Subtype /Form /BBox [0 -1 {Math.Max(1, _pages.Count.ToString(CultureInfo.InvariantCulture).Length)} 2] /Resources {ResourcesObject} 0 R",
            Encoding.ASCII.GetBytes(content.ToString()), CompressionLevel.Fastest);
    }

    private static int FontObject(int font) => FirstFontObject + (font * ObjectsPerFont);

    private void WriteFont(int f)
    {
        var font = _fonts[f];
        int type0 = FontObject(f), cidFont = type0 + 1, descriptor = type0 + 2, file = type0 + 3, toUnicode = type0 + 4, cidToGid = type0 + 5;
        var codes = _usedCodes[f].Order().ToList();
        var name = font.PostScriptName;
        WriteObject(type0, $"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {toUnicode} 0 R >>");
        WriteObject(cidFont,
            $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
            $"/FontDescriptor {descriptor} 0 R /DW {font.Advance(0)} /W {WidthArray(f, codes)} /CIDToGIDMap {cidToGid} 0 R >>");
        var box = string.Join(" ", font.BoundingBox.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        WriteObject(descriptor, FormattableString.Invariant(
            $"<< /Type /FontDescriptor /FontName /{name} /Flags 32 /FontBBox [{box}] /ItalicAngle 0 /Ascent {font.Ascent} /Descent {font.Descent} /CapHeight {font.CapHeight} /StemV 80 /FontFile2 {file} 0 R >>"));
        WriteCompressedStream(file, FormattableString.Invariant($"/Length1 {font.File.Length}"), font.CompressedFile);
        WriteStream(toUnicode, "", Encoding.ASCII.GetBytes(ToUnicodeCMap(codes)), CompressionLevel.Optimal);
        var map = new byte[codes.Count == 0 ? 2 : (codes[^1] + 1) * 2];
        foreach (var code in codes)
        {
            var glyph = GlyphFor(f, code);
            map[code * 2] = (byte)(glyph >> 8);
            map[(code * 2) + 1] = (byte)glyph;
        }

        WriteStream(cidToGid, "", map, CompressionLevel.Optimal);
    }

    private string WidthArray(int font, List<int> codes)
    {
        var w = new StringBuilder("[");
        for (var i = 0; i < codes.Count;)
        {
            w.Append(CultureInfo.InvariantCulture, $"{codes[i]} [");
            var j = i;
            do
            {
                w.Append(CultureInfo.InvariantCulture, $"{WidthFor(font, codes[j])} ");
                j++;
            }
            while (j < codes.Count && codes[j] == codes[j - 1] + 1);

            w.Append("] ");
            i = j;
        }

        return w.Append(']').ToString();
    }

    private string ToUnicodeCMap(List<int> codes)
    {
        var cmap = new StringBuilder("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """);
        foreach (var chunk in codes.Chunk(100))
        {
            cmap.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var code in chunk)
            {
                var unicode = code is >= FirstAstralCode and <= LastAstralCode ? _astralRunes.GetValueOrDefault(code, 0xFFFD) : code;
                cmap.Append(CultureInfo.InvariantCulture, $"<{code:X4}> <{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(char.ConvertFromUtf32(unicode)))}>\n");
            }

            cmap.Append("endbfchar\n");
        }

        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.ToString();
    }

    private int NewObject()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    private void WriteObject(int number, string body)
    {
        _offsets[number] = _position;
        Write(FormattableString.Invariant($"{number} 0 obj\n{body}\nendobj\n"));
    }

    private void WriteStream(int number, string dictionary, byte[] data, CompressionLevel level) =>
        WriteCompressedStream(number, dictionary, Compress(data, level));

    private void WriteCompressedStream(int number, string dictionary, byte[] compressed)
    {
        _offsets[number] = _position;
        Write(FormattableString.Invariant($"{number} 0 obj\n<< {dictionary} /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n"));
        Write(compressed);
        Write("\nendstream\nendobj\n"u8);
    }

    internal static byte[] Compress(byte[] data, CompressionLevel level)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    /// <summary>A PDF text string in UTF-16BE with a byte-order mark, so any title survives.</summary>
    private static string TextString(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private void Write(string text) => Write(Encoding.ASCII.GetBytes(text));

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _hash.AppendData(bytes);
        _position += bytes.Length;
    }
}
