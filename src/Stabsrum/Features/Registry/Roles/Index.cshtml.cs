using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry.Roles;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CatalogueChanges changes, CurrentOrganisation current) : PageModel
{
    public IReadOnlyList<StaffRoleDto> Roles { get; private set; } = [];

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Roles = await db.StaffRoles.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .Select(r => new StaffRoleDto(r.Id, r.Name, r.Purpose, r.DutiesBefore, r.DutiesDuring, r.DutiesAfter, r.Source, r.SortOrder,
                db.Set<KeyPersonRole>().Count(h => h.RoleId == r.Id)))
            .ToListAsync(ct);

    public async Task<IActionResult> OnPostDefaultsAsync(CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        var added = await changes.AddDefaultRolesAsync(current.RequireOrganisationId(), ct);
        Message = added == 0 ? "Alle standardroller findes allerede." : $"{added} standardroller er tilføjet.";
        return RedirectToPage();
    }
}
