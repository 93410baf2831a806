using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Goals.Plans;

/// <summary>Rename, move or delete a focus area. Deleting one that still has goals or sub-areas is refused.</summary>
[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class FocusAreaModel(StabsrumDbContext db, GoalQueries queries, FocusAreaChanges changes) : PageModel
{
    public PlanView? Plan { get; private set; }

    public FocusAreaView? Area { get; private set; }

    /// <summary>Where the area can be moved: not under itself or one of its own sub-areas.</summary>
    public IReadOnlyList<FocusAreaView> Parents { get; private set; } = [];

    public int GoalCount { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? ParentId { get; set; }

    public string? DeleteRefusal { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        (Name, ParentId) = (Area!.Area.Name, Area.Area.ParentId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var errors = await changes.UpdateAsync(id, new FocusAreaInput(Name, ParentId), ct);
        if (errors is { Any: false })
        {
            Message = $"Fokusområdet »{Name!.Trim()}« er gemt.";
            return Redirect($"/maal/planer/{Plan!.Plan.Id}");
        }

        errors?.CopyTo(ModelState);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        (Name, ParentId) = (Area!.Area.Name, Area.Area.ParentId);
        var outcome = await changes.DeleteAsync(id, ct);
        if (outcome.Refusal is { } refusal)
        {
            DeleteRefusal = refusal;
            return Page();
        }

        Message = $"Fokusområdet »{Area.Area.Name}« er slettet.";
        return Redirect($"/maal/planer/{Plan!.Plan.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var planId = await db.FocusAreas.Where(f => f.Id == id).Select(f => (Guid?)f.PlanId).SingleOrDefaultAsync(ct);
        if (planId is null || await queries.PlanAsync(planId.Value, ct) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Area = plan.Areas.Single(a => a.Area.Id == id);
        var below = Below(id, plan.Areas).Append(id).ToHashSet();
        Parents = plan.Areas.Where(a => !below.Contains(a.Area.Id)).ToList();
        GoalCount = plan.Goals.Count(g => g.Goal.FocusAreaId == id);
        return true;
    }

    private static IEnumerable<Guid> Below(Guid id, IReadOnlyList<FocusAreaView> areas) =>
        areas.Where(a => a.Area.ParentId == id).SelectMany(a => Below(a.Area.Id, areas).Append(a.Area.Id));
}
