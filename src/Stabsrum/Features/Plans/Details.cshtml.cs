using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Plans;

[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time) : PageModel
{
    public Plan Plan { get; private set; } = null!;

    public IReadOnlyList<PlanDocumentVersion> Documents { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        Today = time.Today();
        Documents = await db.PlanDocumentVersions.AsNoTracking().Where(d => d.PlanId == id).OrderByDescending(d => d.Number).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDokumentAsync(Guid id, Guid versionId, CancellationToken ct)
    {
        var file = await PlansApi.LoadFileAsync(db, id, versionId, ct);
        return file is null ? NotFound() : File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
    }
}
