using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Stabsrum.Features.Warnings.Cap;

/// <summary>
/// The only way Stabsrum reads XML from outside (CAP alerts, Atom feeds). A DTD is refused outright, so no
/// entity (external or internal "billion laughs") is ever expanded; there is no resolver, so nothing is
/// fetched for a DTD, an XInclude or a schema location; and the document has a size ceiling.
/// </summary>
public static class SafeXml
{
    /// <summary>The largest alert or feed we read (CAP alerts are a few kB; big MeteoAlarm feeds ≈ 600 kB).</summary>
    public const int DefaultMaxBytes = 2 * 1024 * 1024;

    public static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = maxCharacters,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
        CloseInput = false,
    };

    /// <summary>
    /// Loads a document from raw bytes; the XML declaration's encoding (UTF-8, UTF-16, ISO-8859-1 …) is honoured.
    /// Returns null and a Danish reason when the bytes are not safe, well-formed XML.
    /// </summary>
    public static XDocument? TryLoad(ReadOnlyMemory<byte> bytes, int maxBytes, out string? error)
    {
        error = null;
        if (bytes.Length == 0)
        {
            error = "Dokumentet er tomt.";
            return null;
        }

        if (bytes.Length > maxBytes)
        {
            error = $"Dokumentet er for stort ({bytes.Length:N0} byte); grænsen er {maxBytes:N0} byte.";
            return null;
        }

        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return Load(() => XmlReader.Create(stream, Settings(maxBytes)), out error);
    }

    /// <summary>Loads already-decoded text (a stored original); the declaration's encoding is then irrelevant.</summary>
    public static XDocument? TryLoad(string text, out string? error)
    {
        using var stringReader = new StringReader(text);
        return Load(() => XmlReader.Create(stringReader, Settings(Math.Max(text.Length, 1) * 2L)), out error);
    }

    /// <summary>Reads the document, turning every way it can be refused into one Danish reason.</summary>
    private static XDocument? Load(Func<XmlReader> open, out string? error)
    {
        error = null;
        try
        {
            using var reader = open();
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            error = "Dokumentet indeholder en DTD (<!DOCTYPE …>). DTD'er og entiteter afvises af sikkerhedshensyn.";
        }
        catch (XmlException ex)
        {
            error = $"Dokumentet er ikke gyldig XML (linje {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}";
        }
        catch (ArgumentException ex)
        {
            // An unknown encoding in the XML declaration surfaces as ArgumentException.
            error = "Dokumentets tegnsæt understøttes ikke: " + ex.Message;
        }

        return null;
    }

    /// <summary>The document as text, decoded with the encoding its declaration (or byte-order mark) names.</summary>
    public static string DecodeText(ReadOnlyMemory<byte> bytes, XDocument doc)
    {
        Encoding encoding;
        try
        {
            encoding = doc.Declaration?.Encoding is { Length: > 0 } name ? Encoding.GetEncoding(name) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }

        using var reader = new StreamReader(new MemoryStream(bytes.ToArray(), writable: false), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
