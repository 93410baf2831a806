using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Goals.Plans;

[Authorize(Policy = Policies.Read)]
public sealed class PlanModel(GoalQueries queries, GoalChanges changes, CurrentOrganisation current) : PageModel
{
    public sealed class GoalForm
    {
        public int? Number { get; set; }

        public string? Title { get; set; }

        public GoalKind? Kind { get; set; }

        public Guid? FocusAreaId { get; set; }

        public string? Owner { get; set; }
    }

    public PlanView? View { get; private set; }

    public bool CanMaintain => current.CanMaintain();

    [BindProperty]
    public GoalForm Goal { get; set; } = new();

    [BindProperty]
    public string? AreaName { get; set; }

    [BindProperty]
    public Guid? AreaParentId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        (View = await queries.PlanAsync(id, ct)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        View = await queries.PlanAsync(id, ct);
        return View is null ? NotFound() : File(GoalsCsv.Export(View), "text/csv; charset=utf-8", $"{GoalsCsv.FileName(View.Plan.Name)}.csv");
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, ReportAudience? audience, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if ((View = await queries.PlanAsync(id, ct)) is null || audience is not { } a || !Enum.IsDefined(a))
        {
            return NotFound();
        }

        await changes.IssueReportAsync(id, a, ct);
        Message = $"Rapporten til {a.Label().ToLowerInvariant()} er markeret som afrapporteret.";
        return Redirect($"/maal/planer/{id}");
    }

    public async Task<IActionResult> OnPostAreaAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if ((View = await queries.PlanAsync(id, ct)) is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var (area, errors) = await changes.AddFocusAreaAsync(id, new FocusAreaInput(AreaName, AreaParentId), ct);
        if (area is not null)
        {
            Message = $"Fokusområdet »{area.Name}« er tilføjet.";
            return Redirect($"/maal/planer/{id}");
        }

        foreach (var message in errors.ToDictionary().Values.SelectMany(m => m))
        {
            ModelState.AddModelError(nameof(AreaName), message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostGoalAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if ((View = await queries.PlanAsync(id, ct)) is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var (goal, errors) = await changes.AddGoalAsync(id, new GoalInput(Goal.Number, Goal.Title, null, Goal.Kind, Goal.Owner, null, Goal.FocusAreaId), ct);
        if (goal is not null)
        {
            return Redirect($"/maal/maal/{goal.Id}");
        }

        errors.CopyTo(ModelState, nameof(Goal));
        return Page();
    }
}
