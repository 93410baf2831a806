using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Warnings.Cap;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings;

[Authorize(Policy = Policies.Read)]
public sealed class DetailModel(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time, WarningTriage triage) : PageModel
{
    public Warning Warning { get; private set; } = null!;

    public CapAlert? Cap { get; private set; }

    public string? OriginalXml { get; private set; }

    public IReadOnlyList<WarningReference> References { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public bool HasIncidentLink => triage.IncidentLink is not null;

    public string? Reason { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDismissAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var errors = await triage.DismissAsync(id, reason, ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Message = "Varslet er afvist.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCreateIncidentAsync(Guid id, string? title, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var (incidentId, errors) = await triage.CreateIncidentAsync(id, title, ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Any)
        {
            foreach (var message in errors.ToDictionary().Values.SelectMany(m => m))
            {
                ModelState.AddModelError("", message);
            }

            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Message = $"Hændelsen er oprettet ({incidentId}).";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id, string? incidentId, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        if (!Guid.TryParse(incidentId, out var incident))
        {
            ModelState.AddModelError("", "Angiv hændelsens id.");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var errors = await triage.AttachAsync(id, incident, ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Any)
        {
            foreach (var message in errors.ToDictionary().Values.SelectMany(m => m))
            {
                ModelState.AddModelError("", message);
            }

            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Message = "Varslet er knyttet til hændelsen.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var warning = await db.Warnings.AsNoTracking().Include(w => w.References).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (warning is null)
        {
            return false;
        }

        Warning = warning;
        References = warning.References;
        Now = time.GetUtcNow();
        OriginalXml = await db.WarningDocuments.AsNoTracking().Where(d => d.WarningId == id).Select(d => d.Xml).FirstOrDefaultAsync(ct);
        Cap = OriginalXml is null ? null : CapParser.Parse(OriginalXml).Alert;
        return true;
    }
}
