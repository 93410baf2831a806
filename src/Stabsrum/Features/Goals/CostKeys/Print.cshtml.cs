using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Goals.CostKeys;

[Authorize(Policy = Policies.Read)]
[PrintView("fordelingsnoegle")]
public sealed class PrintModel(StabsrumDbContext db, CurrentOrganisation current) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "beloeb")]
    public string? AmountText { get; set; }

    [BindProperty(SupportsGet = true, Name = "enhed")]
    public RoundingUnit Unit { get; set; } = RoundingUnit.TusindKroner;

    public SplitView? View { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        View = await SplitView.LoadAsync(db, id, AmountText, Unit, ct);
        if (View is null)
        {
            return NotFound();
        }

        OrganisationName = await db.Organisations.Where(o => o.Id == current.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return Page();
    }
}
