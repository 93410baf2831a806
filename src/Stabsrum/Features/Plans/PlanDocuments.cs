using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Plans;

/// <summary>
/// Accepts a plan document only if it is what it claims to be: a PDF or a Word (DOCX) file by extension, declared
/// content type and its first bytes, within the size limit. Each accepted file becomes a new version.
/// </summary>
public sealed class PlanDocuments(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public sealed record Upload(string FileName, string? ContentType, long Length, Stream Content);

    /// <summary>Adds a version; returns null with a Danish message when the file is refused, or when the plan is not ours.</summary>
    public async Task<(PlanDocumentVersion? Version, string? Error)> AddAsync(Guid planId, Upload upload, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return (null, null);
        }

        var (bytes, error) = await ReadAsync(upload, ct);
        if (bytes is null)
        {
            return (null, error);
        }

        var contentType = Classify(upload.FileName, upload.ContentType, bytes, out error);
        if (contentType is null)
        {
            return (null, error);
        }

        var number = 1 + (await db.PlanDocumentVersions.Where(d => d.PlanId == planId).MaxAsync(d => (int?)d.Number, ct) ?? 0);
        var version = new PlanDocumentVersion
        {
            OrganisationId = plan.OrganisationId,
            PlanId = plan.Id,
            Number = number,
            FileName = SafeFileName(upload.FileName),
            ContentType = contentType,
            SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedAt = time.GetUtcNow(),
            UploadedBy = current.UserName ?? "system",
        };
        db.PlanDocumentVersions.Add(version);
        db.PlanDocumentContents.Add(new PlanDocumentContent { Id = version.Id, OrganisationId = plan.OrganisationId, Content = bytes });
        await db.SaveChangesAsync(ct);
        return (version, null);
    }

    private static async Task<(byte[]? Bytes, string? Error)> ReadAsync(Upload upload, CancellationToken ct)
    {
        if (upload.Length == 0)
        {
            return (null, "Filen er tom.");
        }

        if (upload.Length > MaxBytes)
        {
            return (null, $"Filen er for stor: højst {MaxBytes / 1024 / 1024} MB.");
        }

        using var buffer = new MemoryStream();
        await upload.Content.CopyToAsync(buffer, ct);
        return buffer.Length > MaxBytes ? (null, $"Filen er for stor: højst {MaxBytes / 1024 / 1024} MB.") : (buffer.ToArray(), null);
    }

    /// <summary>The canonical content type of a valid file, or null with the reason.</summary>
    public static string? Classify(string fileName, string? declaredType, byte[] bytes, out string? error)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var declared = (declaredType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var (expected, looksRight) = extension switch
        {
            ".pdf" => (Pdf, bytes.AsSpan().StartsWith("%PDF-"u8)),
            ".docx" => (Docx, IsDocx(bytes)),
            _ => ((string?)null, false),
        };
        if (expected is null)
        {
            error = "Kun PDF- og Word-filer (.pdf, .docx) kan uploades.";
            return null;
        }

        if (declared is not ("" or "application/octet-stream") && declared != expected)
        {
            error = $"Filtypen ({declared}) passer ikke til filnavnet {fileName}.";
            return null;
        }

        if (!looksRight)
        {
            error = $"Filen {fileName} er ikke en gyldig {(expected == Pdf ? "PDF" : "Word")}-fil.";
            return null;
        }

        error = null;
        return expected;
    }

    private static bool IsDocx(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var cleaned = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (cleaned.Length > 200)
        {
            cleaned = cleaned[^200..];
        }

        return cleaned.Length == 0 ? "dokument" : cleaned;
    }
}
