using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CaseFile.Pages;

/// <summary>
/// Sagsakt: files the incident for the journal in one action (PDF, or ZIP with the PDF, JSON per chapter and the
/// original attachments). Shows what will be included, whether fortrolig entries will be, and earlier exports.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class CaseFileModel(StabsrumDbContext db, CaseFileExporter exporter, CrisisLog.CrisisLog log, CurrentOrganisation current) : PageModel
{
    public Guid IncidentId { get; private set; }

    public string IncidentTitle { get; private set; } = "";

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public bool Cleared { get; private set; }

    public IReadOnlyList<ICaseFileSection> Sections => exporter.Sections;

    public ChainVerification Verification { get; private set; } = null!;

    public List<CaseFileExport> Exports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostZipAsync(Guid id, CancellationToken ct) => ExportAsync(id, zip: true, ct);

    public Task<IActionResult> OnPostPdfAsync(Guid id, CancellationToken ct) => ExportAsync(id, zip: false, ct);

    private async Task<IActionResult> ExportAsync(Guid id, bool zip, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var output = await exporter.ExportAsync(HttpContext, id, ct);
        if (output is null)
        {
            return NotFound();
        }

        var stem = "sagsakt-" + Infrastructure.Time.DanishTime.ToLocal(output.Record.ExportedAt).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return zip ? File(output.Zip, "application/zip", stem + ".zip") : File(output.Pdf, "application/pdf", stem + ".pdf");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var title = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => i.Title).SingleOrDefaultAsync(ct);
        if (title is null)
        {
            return false;
        }

        IncidentId = id;
        IncidentTitle = title;
        Cleared = await log.HasClearanceAsync(ct);
        Verification = (await LogVerification.VerifyAsync(db, id, ct))!;
        Exports = await db.CaseFileExports.AsNoTracking().Where(e => e.IncidentId == id).OrderByDescending(e => e.ExportedAt).Take(50).ToListAsync(ct);
        return true;
    }
}
