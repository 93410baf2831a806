using Microsoft.Extensions.Options;

namespace Stabsrum.Infrastructure.Pdf;

/// <summary>
/// The regular and bold fonts our own PDF writer embeds (DejaVu Sans from Debian's fonts-dejavu-core by default).
/// Read once and kept: the files are immutable and parsing them per export would cost more than writing a page.
/// If they are missing or unreadable, <see cref="Get"/> answers null and callers fall back to Chromium.
/// </summary>
public sealed class PdfFonts(IOptions<PdfOptions> options, ILogger<PdfFonts> logger)
{
    private readonly Lazy<TrueTypeFont[]?> _fonts = new(() => Load(options.Value, logger));

    /// <summary>Regular (index 0) and bold (index 1), or null if the font files cannot be read.</summary>
    public IReadOnlyList<TrueTypeFont>? Get() => _fonts.Value;

    private static TrueTypeFont[]? Load(PdfOptions options, ILogger logger)
    {
        var regular = Path.Combine(options.FontDirectory, options.RegularFont);
        var bold = Path.Combine(options.FontDirectory, options.BoldFont);
        try
        {
            return [TrueTypeFont.Load(regular), TrueTypeFont.Load(bold)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            logger.LogWarning(e, "PDF fonts {Regular} and {Bold} cannot be read; large documents fall back to Chromium", regular, bold);
            return null;
        }
    }
}
