using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Goals.Plans;

[Authorize(Policy = Policies.Read)]
public sealed class InitiativeModel(StabsrumDbContext db, GoalChanges changes, CurrentOrganisation current) : PageModel
{
    public GoalsApi.InitiativeDto? Initiative { get; private set; }

    public bool CanMaintain => current.CanMaintain();

    [BindProperty]
    public Guid? ChangeId { get; set; }

    [BindProperty]
    public InitiativeStatus? Status { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        (Initiative = await GoalsApi.LoadInitiativeAsync(id, db, changes.Today, ct)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        ModelState.Clear();
        var errors = await changes.ChangeStatusAsync(id, new StatusInput(ChangeId, Status, Comment), ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            Message = "Status er gemt.";
            return Redirect($"/maal/initiativer/{id}");
        }

        errors.CopyTo(ModelState);
        Initiative = await GoalsApi.LoadInitiativeAsync(id, db, changes.Today, ct);
        return Page();
    }
}
