using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry.Partners;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CurrentOrganisation current) : PageModel
{
    public IReadOnlyList<ExternalPartner> Partners { get; private set; } = [];

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Partners = await LoadAsync(db, ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(RegistryCsv.Partners(await LoadAsync(db, ct)), RegistryCsv.ContentType, "samarbejdspartnere.csv");

    public static Task<List<ExternalPartner>> LoadAsync(StabsrumDbContext db, CancellationToken ct) =>
        db.ExternalPartners.AsNoTracking().Include(p => p.Contacts).OrderBy(p => p.Kind).ThenBy(p => p.OrganisationName).ToListAsync(ct);
}
