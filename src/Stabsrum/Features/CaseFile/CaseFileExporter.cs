using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CaseFile;

public sealed record LoadedChapter(int Number, ICaseFileSection Section, CaseFileChapter Chapter);

/// <summary>Everything the case file shows: the cover facts, the chapters in order and the chain's verification.</summary>
public sealed record CaseFileDocument(
    Guid IncidentId, string IncidentTitle, bool IsExercise, string OrganisationName, DateTimeOffset GeneratedAt, string GeneratedBy,
    bool IncludesConfidential, IReadOnlyList<LoadedChapter> Chapters, ChainVerification Verification);

public sealed record CaseFileOutput(byte[] Pdf, byte[] Zip, CaseFileExport Record);

/// <summary>
/// Files an incident (journalisering): every registered <see cref="ICaseFileSection"/> in order, rendered into one PDF
/// (cover with the generation time, chapters, the hash-chain verification) and a ZIP holding the PDF, each chapter as
/// JSON and the original attachments. The PDF comes from our own writer (<see cref="CaseFilePdf"/>, ADR 0017). The
/// chapters are deterministic, so the same data gives the same PDF; only the cover carries the generation time. Each export is recorded (who, when, cleared or not, SHA-256 of both files).
/// </summary>
public sealed class CaseFileExporter(
    StabsrumDbContext db, CrisisLog.CrisisLog log, CurrentOrganisation current, IEnumerable<ICaseFileSection> sections,
    RazorDocumentRenderer razor, IPdfRenderer pdf, CaseFilePdf casePdf, IWebHostEnvironment env, TimeProvider time,
    ILogger<CaseFileExporter> logger)
{
    public const string DocumentView = "/Features/CaseFile/CaseFileDocument.cshtml";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public IReadOnlyList<ICaseFileSection> Sections { get; } =
        sections.OrderBy(s => s.Order).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();

    /// <summary>The document for an incident of the current organisation, or null if there is none.</summary>
    public async Task<CaseFileDocument?> LoadAsync(Guid incidentId, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.Title, i.IsExercise, i.OrganisationId }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return null;
        }

        var cleared = await log.HasClearanceAsync(ct);
        var request = new CaseFileRequest(incidentId, cleared);
        var chapters = new List<LoadedChapter>();
        foreach (var section in Sections)
        {
            chapters.Add(new LoadedChapter(chapters.Count + 1, section, await section.LoadAsync(db, request, ct)));
        }

        var verification = (await LogVerification.VerifyAsync(db, incidentId, ct))!;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == incident.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return new CaseFileDocument(incidentId, incident.Title, incident.IsExercise, organisation, time.GetUtcNow(), await ExporterNameAsync(ct),
            cleared, chapters, verification);
    }

    public async Task<string> RenderHtmlAsync(HttpContext http, CaseFileDocument document)
    {
        var html = await razor.RenderAsync(http, DocumentView, document);
        return InlineStyles(html);
    }

    /// <summary>Produces the PDF and the ZIP and records the export (audited). Null if there is no such incident.</summary>
    public async Task<CaseFileOutput?> ExportAsync(HttpContext http, Guid incidentId, CancellationToken ct)
    {
        var document = await LoadAsync(incidentId, ct);
        if (document is null)
        {
            return null;
        }

        var pdfBytes = await RenderPdfAsync(http, document, ct);
        var zip = Zip(document, pdfBytes);
        var record = new CaseFileExport
        {
            IncidentId = incidentId,
            ExportedAt = document.GeneratedAt,
            ExportedBy = document.GeneratedBy,
            IncludedConfidential = document.IncludesConfidential,
            LogEntries = document.Verification.EntriesChecked,
            ChainIntact = document.Verification.Intact,
            PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdfBytes)),
            ZipSha256 = Convert.ToHexStringLower(SHA256.HashData(zip)),
        };
        db.CaseFileExports.Add(record);
        await db.SaveChangesAsync(ct);
        return new CaseFileOutput(pdfBytes, zip, record);
    }

    /// <summary>
    /// Our own PDF writer when it can (fonts present, every chapter lays itself out), else the HTML through Chromium,
    /// which is minutes for a large log but keeps a chapter without a PDF layout (or a server without the fonts) working.
    /// </summary>
    public async Task<byte[]> RenderPdfAsync(HttpContext http, CaseFileDocument document, CancellationToken ct)
    {
        if (casePdf.CanWrite(document))
        {
            return casePdf.Write(document);
        }

        logger.LogWarning("Case file {IncidentId} goes through Chromium: fonts missing or a chapter without a PDF layout ({Sections})", document.IncidentId,
            string.Join(", ", document.Chapters.Where(c => c.Section is not ICaseFilePdfChapter).Select(c => c.Section.Title)));
        return await pdf.RenderAsync(await RenderHtmlAsync(http, document), ct);
    }

    private static byte[] Zip(CaseFileDocument document, byte[] pdfBytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "sagsakt.pdf", pdfBytes, CompressionLevel.NoCompression);
            var manifest = new
            {
                document.IncidentId,
                document.IncidentTitle,
                document.OrganisationName,
                GeneratedAt = Infrastructure.Time.DanishTime.ToLocal(document.GeneratedAt),
                document.GeneratedBy,
                document.IncludesConfidential,
                Chapters = document.Chapters.Select(c => new { c.Number, c.Section.Title, File = ChapterPath(c) }).ToList(),
                Verification = "verifikation.json",
            };
            Add(zip, "sagsakt.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
            Add(zip, "verifikation.json", JsonSerializer.SerializeToUtf8Bytes(document.Verification, Json));
            foreach (var chapter in document.Chapters)
            {
                Add(zip, ChapterPath(chapter), JsonSerializer.SerializeToUtf8Bytes(chapter.Chapter.Data, chapter.Chapter.Data.GetType(), Json));
                foreach (var file in chapter.Chapter.Attachments ?? [])
                {
                    Add(zip, "bilag/" + file.FileName, file.Content, CompressionLevel.Fastest);
                }
            }
        }

        return buffer.ToArray();
    }

    public static string ChapterPath(LoadedChapter chapter) => $"kapitler/{chapter.Number:D2}-{chapter.Section.JsonFileName}";

    private static void Add(ZipArchive zip, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(content);
    }

    private string InlineStyles(string html)
    {
        var css = env.WebRootFileProvider.GetFileInfo("css/print.css");
        using var reader = new StreamReader(css.CreateReadStream(), Encoding.UTF8);
        return html.Replace("<!--print-css-->", "<style>" + reader.ReadToEnd() + "</style>", StringComparison.Ordinal);
    }

    private async Task<string> ExporterNameAsync(CancellationToken ct)
    {
        if (current.UserId is not { } userId)
        {
            return current.UserName ?? "system";
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
        return user is null ? current.UserName ?? "ukendt" : $"{user.DisplayName} ({user.Email})";
    }
}
