using System.ComponentModel.DataAnnotations;

namespace Stabsrum.Infrastructure.Pdf;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Path to Chromium. When empty, the usual Debian/Ubuntu locations are tried.</summary>
    public string? ChromiumPath { get; set; }

    [Range(1, 16)]
    public int MaxConcurrentRenders { get; set; } = 2;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Where the TrueType fonts for our own PDF writer (the case file, ADR 0017) live; Debian's fonts-dejavu-core by default.</summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";

    public string RegularFont { get; set; } = "DejaVuSans.ttf";

    public string BoldFont { get; set; } = "DejaVuSans-Bold.ttf";
}

/// <summary>Chromium is missing or could not render; PDF endpoints answer 503 and the HTML print view still works.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public interface IPdfRenderer
{
    /// <summary>Renders a complete, self-contained HTML document (no network) to PDF.</summary>
    Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default);
}
