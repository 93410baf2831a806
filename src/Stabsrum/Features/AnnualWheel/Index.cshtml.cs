using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.AnnualWheel;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time) : PageModel
{
    public IReadOnlyList<Obligation> Obligations { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = time.Today();
        Obligations = await db.Obligations.AsNoTracking().OrderBy(o => o.DueOn).ThenBy(o => o.Title).ToListAsync(ct);
    }
}
