using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Organisations.Administration;

[Authorize(Policy = Policies.Administer)]
public sealed class MunicipalitiesModel(StabsrumDbContext db, OrganisationChanges changes) : PageModel
{
    public sealed class MunicipalityForm
    {
        public string? Name { get; set; }

        public int Population { get; set; }

        public decimal SharePercent { get; set; }
    }

    [BindProperty]
    public MunicipalityForm Input { get; set; } = new();

    public IReadOnlyList<MemberMunicipality> Members { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (added, errors) = await changes.AddMemberMunicipalityAsync(new MemberMunicipalityInput(Input.Name, Input.Population, Input.SharePercent), ct);
            if (added is not null)
            {
                Message = $"{added.Name} er tilføjet.";
                return RedirectToPage();
            }

            errors.CopyTo(ModelState, nameof(Input));
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        if (!await changes.RemoveMemberMunicipalityAsync(id, ct))
        {
            return NotFound();
        }

        Message = "Kommunen er fjernet.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Members = await db.MemberMunicipalities.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
}
