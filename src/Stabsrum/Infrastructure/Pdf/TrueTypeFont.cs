using System.Buffers.Binary;
using System.Text;

namespace Stabsrum.Infrastructure.Pdf;

/// <summary>
/// The few tables of a TrueType font that a PDF writer needs: glyph ids from <c>cmap</c> (formats 4 and 12), advance
/// widths from <c>hmtx</c>, and the metrics for the font descriptor. Widths are kept in PDF text space (1/1000 em,
/// rounded) and the same rounded numbers go into the PDF's <c>/W</c> array, so what we measure when wrapping is exactly
/// what the viewer draws.
/// </summary>
public sealed class TrueTypeFont
{
    private readonly ushort[] _bmp = new ushort[0x10000];
    private readonly Dictionary<int, ushort> _astral = [];
    private readonly short[] _widths;

    private TrueTypeFont(string postScriptName, byte[] file, short[] widths, int ascent, int descent, int capHeight, int[] box)
    {
        PostScriptName = postScriptName;
        File = file;
        _compressed = new Lazy<byte[]>(() => PdfDocumentWriter.Compress(file, System.IO.Compression.CompressionLevel.Optimal));
        _widths = widths;
        Ascent = ascent;
        Descent = descent;
        CapHeight = capHeight;
        BoundingBox = box;
    }

    /// <summary>A name safe for a PDF name object, e.g. <c>DejaVuSans-Bold</c>.</summary>
    public string PostScriptName { get; }

    /// <summary>The whole font file, embedded as it is (no subsetting).</summary>
    public byte[] File { get; }

    /// <summary>
    /// <see cref="File"/> Flate-compressed, made once: compressing 700 KB per export would be a tenth of the case file's
    /// time budget, and the bytes are the same every time.
    /// </summary>
    public byte[] CompressedFile => _compressed.Value;

    private readonly Lazy<byte[]> _compressed;

    public int Ascent { get; }

    public int Descent { get; }

    public int CapHeight { get; }

    /// <summary>xMin, yMin, xMax, yMax in 1/1000 em.</summary>
    public IReadOnlyList<int> BoundingBox { get; }

    /// <summary>The glyph for a Unicode scalar, 0 (the font's "missing" glyph) if the font has none.</summary>
    public int GlyphId(int codePoint) =>
        codePoint < 0x10000 ? _bmp[codePoint] : _astral.GetValueOrDefault(codePoint);

    /// <summary>Advance width in 1/1000 em.</summary>
    public int Advance(int codePoint)
    {
        var glyph = GlyphId(codePoint);
        return _widths[glyph < _widths.Length ? glyph : 0];
    }

    /// <summary>Width of a string in points at the given size.</summary>
    public float Measure(ReadOnlySpan<char> text, float size)
    {
        var total = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            total += Advance(rune.Value);
        }

        return total * size / 1000f;
    }

    public static TrueTypeFont Load(string path) => Parse(System.IO.File.ReadAllBytes(path), Path.GetFileNameWithoutExtension(path));

    /// <summary>Reads a TrueType file; throws <see cref="InvalidDataException"/> if a required table is missing or malformed.</summary>
    public static TrueTypeFont Parse(byte[] file, string fallbackName)
    {
        try
        {
            return ParseTables(file, fallbackName);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException("Not a readable TrueType font.", e);
        }
    }

    private static TrueTypeFont ParseTables(byte[] file, string fallbackName)
    {
        var data = file.AsSpan();
        var tables = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        int count = U16(data, 4);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (i * 16);
            tables[Encoding.ASCII.GetString(data.Slice(record, 4))] = ((int)U32(data, record + 8), (int)U32(data, record + 12));
        }

        foreach (var required in new[] { "head", "hhea", "hmtx", "maxp", "cmap" })
        {
            if (!tables.ContainsKey(required))
            {
                throw new InvalidDataException($"TrueType table '{required}' is missing.");
            }
        }

        var head = tables["head"].Offset;
        int unitsPerEm = U16(data, head + 18);
        int Scale(int units) => (int)Math.Round(units * 1000.0 / unitsPerEm);
        int[] box = [Scale(S16(data, head + 36)), Scale(S16(data, head + 38)), Scale(S16(data, head + 40)), Scale(S16(data, head + 42))];

        var hhea = tables["hhea"].Offset;
        var ascent = Scale(S16(data, hhea + 4));
        var descent = Scale(S16(data, hhea + 6));
        int metrics = U16(data, hhea + 34);
        int glyphs = U16(data, tables["maxp"].Offset + 4);

        var hmtx = tables["hmtx"].Offset;
        var widths = new short[Math.Max(glyphs, 1)];
        for (var g = 0; g < widths.Length; g++)
        {
            // Glyphs past numberOfHMetrics share the last advance (monospaced tails).
            var advance = U16(data, hmtx + (Math.Min(g, metrics - 1) * 4));
            widths[g] = (short)Scale(advance);
        }

        var capHeight = tables.TryGetValue("OS/2", out var os2) && os2.Length >= 90 && U16(data, os2.Offset) >= 2
            ? Scale(S16(data, os2.Offset + 88))
            : ascent;
        var font = new TrueTypeFont(PostScriptNameOf(data, tables, fallbackName), file, widths, ascent, descent, capHeight, box);
        font.ReadCmap(data, tables["cmap"].Offset, glyphs);
        return font;
    }

    private void ReadCmap(ReadOnlySpan<byte> data, int cmap, int glyphs)
    {
        int count = U16(data, cmap + 2);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + (i * 8);
            int platform = U16(data, record), encoding = U16(data, record + 2);
            var table = cmap + (int)U32(data, record + 4);
            var format = U16(data, table);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (unicode && format == 12)
            {
                format12 = table;
            }
            else if (unicode && format == 4)
            {
                format4 = table;
            }
        }

        if (format12 >= 0)
        {
            ReadFormat12(data, format12, glyphs);
        }
        else if (format4 >= 0)
        {
            ReadFormat4(data, format4, glyphs);
        }
        else
        {
            throw new InvalidDataException("The font has no Unicode cmap (format 4 or 12).");
        }
    }

    private void ReadFormat4(ReadOnlySpan<byte> data, int table, int glyphs)
    {
        var segments = U16(data, table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (segments * 2) + 2;
        var deltas = starts + (segments * 2);
        var rangeOffsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            int end = U16(data, ends + (s * 2)), start = U16(data, starts + (s * 2));
            var delta = S16(data, deltas + (s * 2));
            var rangeOffsetAt = rangeOffsets + (s * 2);
            int rangeOffset = U16(data, rangeOffsetAt);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    // idRangeOffset counts bytes from its own position into glyphIdArray.
                    glyph = U16(data, rangeOffsetAt + rangeOffset + ((c - start) * 2));
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                _bmp[c] = glyph < glyphs ? (ushort)glyph : (ushort)0;
            }
        }
    }

    private void ReadFormat12(ReadOnlySpan<byte> data, int table, int glyphs)
    {
        var groups = U32(data, table + 12);
        for (var i = 0L; i < groups; i++)
        {
            var group = table + 16 + (int)(i * 12);
            long start = U32(data, group), end = U32(data, group + 4), glyph = U32(data, group + 8);
            for (var c = start; c <= end && c <= 0x10FFFF; c++, glyph++)
            {
                var id = glyph < glyphs ? (ushort)glyph : (ushort)0;
                if (c < 0x10000)
                {
                    _bmp[c] = id;
                }
                else
                {
                    _astral[(int)c] = id;
                }
            }
        }
    }

    private static string PostScriptNameOf(ReadOnlySpan<byte> data, Dictionary<string, (int Offset, int Length)> tables, string fallback)
    {
        string? found = null;
        if (tables.TryGetValue("name", out var name))
        {
            int count = U16(data, name.Offset + 2), strings = name.Offset + U16(data, name.Offset + 4);
            for (var i = 0; i < count && found is null; i++)
            {
                var record = name.Offset + 6 + (i * 12);
                if (U16(data, record + 6) != 6)
                {
                    continue;
                }

                var bytes = data.Slice(strings + U16(data, record + 10), U16(data, record + 8));
                found = U16(data, record) is 0 or 3 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.ASCII.GetString(bytes);
            }
        }

        var clean = new string((found ?? fallback).Where(c => c is > ' ' and < '\x7f' and not ('/' or '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '%' or '#')).ToArray());
        return clean.Length == 0 ? "Font" : clean;
    }

    private static ushort U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static short S16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt16BigEndian(data[at..]);

    private static uint U32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
}
