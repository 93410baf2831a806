using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Plans;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time) : PageModel
{
    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public ElectionPeriod Period => ElectionPeriod.Containing(Today);

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [BindProperty(SupportsGet = true, Name = "arkiverede")]
    public bool IncludeArchived { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = time.Today();
        Plans = await db.Plans.AsNoTracking()
            .Where(p => IncludeArchived || !p.Archived)
            .OrderBy(p => p.Type).ThenBy(p => p.Title)
            .ToListAsync(ct);
    }
}
