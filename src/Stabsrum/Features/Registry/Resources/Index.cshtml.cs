using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry.Resources;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CurrentOrganisation current) : PageModel
{
    public IReadOnlyList<TacticalResource> Resources { get; private set; } = [];

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Resources = await LoadAsync(db, ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(RegistryCsv.Resources(await LoadAsync(db, ct)), RegistryCsv.ContentType, "ressourcer.csv");

    public static Task<List<TacticalResource>> LoadAsync(StabsrumDbContext db, CancellationToken ct) =>
        db.TacticalResources.AsNoTracking().OrderByDescending(r => r.Critical).ThenBy(r => r.Category).ThenBy(r => r.Name).ToListAsync(ct);
}
