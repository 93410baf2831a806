using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Goals.Plans;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, GoalChanges changes, CurrentOrganisation current) : PageModel
{
    public sealed class PlanForm
    {
        public string? Name { get; set; }

        public GoalPlanKind? Kind { get; set; }

        public int? StartYear { get; set; }

        public int? EndYear { get; set; }

        public string? Description { get; set; }
    }

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public IReadOnlyList<GoalPlan> Plans { get; private set; } = [];

    public bool CanMaintain => current.CanMaintain();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        ModelState.Clear();
        var (plan, errors) = await changes.CreatePlanAsync(new PlanInput(Input.Name, Input.Kind, Input.StartYear, Input.EndYear, Input.Description), ct);
        if (plan is not null)
        {
            return Redirect($"/maal/planer/{plan.Id}");
        }

        errors.CopyTo(ModelState, nameof(Input));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Plans = await db.GoalPlans.AsNoTracking().OrderByDescending(p => p.StartYear).ThenBy(p => p.Name).ToListAsync(ct);
}
