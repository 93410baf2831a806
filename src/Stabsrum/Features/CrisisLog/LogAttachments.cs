using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.CrisisLog;

/// <summary>Photos and PDFs on log entries. The declared type must match the file's first bytes.</summary>
public sealed class LogAttachments(StabsrumDbContext db, CrisisLog log, TimeProvider time)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly (string ContentType, byte[] Magic)[] Allowed =
    [
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("application/pdf", "%PDF-"u8.ToArray()),
    ];

    public async Task<(CrisisLogAttachment? Attachment, ValidationErrors Errors, bool Found)> AddAsync(Guid incidentId, Guid entryId, IFormFile? file, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var entry = await db.CrisisLogEntries.AsNoTracking().Where(e => e.Id == entryId && e.IncidentId == incidentId)
            .Select(e => new { e.OrganisationId, e.Classification }).SingleOrDefaultAsync(ct);
        if (entry is null || (entry.Classification == LogClassification.Fortrolig && !await log.HasClearanceAsync(ct)))
        {
            return (null, errors, false);
        }

        if (file is null || file.Length == 0)
        {
            return (null, errors.Add("file", "Vælg en fil (foto eller PDF)."), true);
        }

        if (file.Length > MaxBytes)
        {
            return (null, errors.Add("file", $"Filen er for stor; højst {MaxBytes / 1024 / 1024} MB."), true);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var type = Allowed.FirstOrDefault(a => string.Equals(a.ContentType, file.ContentType, StringComparison.OrdinalIgnoreCase));
        if (type.Magic is null)
        {
            return (null, errors.Add("file", "Kun fotos (JPEG, PNG) og PDF kan vedhæftes."), true);
        }

        if (!content.AsSpan().StartsWith(type.Magic))
        {
            return (null, errors.Add("file", $"Filens indhold er ikke {type.ContentType}, som den er angivet som."), true);
        }

        var name = Path.GetFileName(file.FileName);
        var attachment = new CrisisLogAttachment
        {
            OrganisationId = entry.OrganisationId,
            EntryId = entryId,
            FileName = string.IsNullOrWhiteSpace(name) ? "bilag" : name[..Math.Min(name.Length, 200)],
            ContentType = type.ContentType,
            Size = content.Length,
            Sha256 = LogChain.ContentHash(content),
            Content = content,
            UploadedAt = time.GetUtcNow(),
        };
        db.CrisisLogAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return (attachment, errors, true);
    }
}
