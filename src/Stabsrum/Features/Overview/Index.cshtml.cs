using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Audit;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Overview;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CurrentOrganisation current) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;

    public IReadOnlyList<AuditEntryDto> RecentChanges { get; private set; } = [];

    public string RoleName => current.Role?.DanishName() ?? "";

    public string KindName => OrganisationKinds.DanishName(Organisation.Kind);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().Include(o => o.MemberMunicipalities)
            .SingleOrDefaultAsync(o => o.Id == current.OrganisationId, ct);
        if (org is null)
        {
            return NotFound();
        }

        Organisation = org;
        RecentChanges = await AuditApi.Query(db, current, new AuditFilter(null, null, null, null, 5)).ToListAsync(ct);
        return Page();
    }
}
