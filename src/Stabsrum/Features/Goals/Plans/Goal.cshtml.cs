using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Goals.Plans;

[Authorize(Policy = Policies.Read)]
public sealed class GoalModel(GoalQueries queries, GoalChanges changes, KeyFigureChanges figures, GoalDetailsChanges details, StabsrumDbContext db, CurrentOrganisation current) : PageModel
{
    public sealed class FulfilmentForm
    {
        public FulfilmentRule? Rule { get; set; }

        public Guid? KeyFigureId { get; set; }

        public int? ManualPercent { get; set; }

        public string? Justification { get; set; }
    }

    public sealed class BenefitsForm
    {
        public string? ExpectedBenefits { get; set; }

        public string? IndirectIndicators { get; set; }
    }

    public sealed class AssessmentForm
    {
        public string? Period { get; set; }

        public int? Score { get; set; }

        public string? Evidence { get; set; }
    }

    public sealed class LineForm
    {
        public string? Reporter { get; set; }

        public string? Recipient { get; set; }

        public Frequency? Frequency { get; set; }

        public DateOnly? FirstDueOn { get; set; }

        public string? Note { get; set; }
    }

    public sealed class EditForm
    {
        public int? Number { get; set; }

        public string? Title { get; set; }

        public GoalKind? Kind { get; set; }

        public Guid? FocusAreaId { get; set; }

        public string? Owner { get; set; }

        public string? Description { get; set; }

        public string? Approach { get; set; }
    }

    [BindProperty]
    public EditForm Edit { get; set; } = new();

    public IReadOnlyList<FocusAreaView> Areas { get; private set; } = [];

    [BindProperty]
    public FulfilmentForm Fulfilment { get; set; } = new();

    [BindProperty]
    public BenefitsForm Benefits { get; set; } = new();

    [BindProperty]
    public AssessmentForm Assessment { get; set; } = new();

    [BindProperty]
    public LineForm Line { get; set; } = new();

    public GoalDetailsApi.BenefitOverviewDto? Overview { get; private set; }

    public sealed class InitiativeForm
    {
        public string? Text { get; set; }

        public string? Responsible { get; set; }

        public string? Quarter { get; set; }

        public DateOnly? ScheduleFrom { get; set; }

        public DateOnly? ScheduleTo { get; set; }

        public string? Description { get; set; }
    }

    public GoalPlan? Plan { get; private set; }

    public GoalView? View { get; private set; }

    public bool CanMaintain => current.CanMaintain();

    [BindProperty]
    public InitiativeForm Initiative { get; set; } = new();

    [BindProperty]
    public KeyFigureForm Figure { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInitiativeAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var f = Initiative;
        var (added, errors) = await changes.AddInitiativeAsync(id, new InitiativeInput(f.Text, f.Responsible, f.Description, f.Quarter, f.ScheduleFrom, f.ScheduleTo), ct);
        if (added is not null)
        {
            Message = $"Initiativ {Goals.Initiative.NumberOf(View!.Goal.Number, added.Sequence)} er tilføjet.";
            return Redirect($"/maal/maal/{id}");
        }

        errors.CopyTo(ModelState, nameof(Initiative));
        return Page();
    }

    public async Task<IActionResult> OnPostRenumberAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if (!await changes.RenumberAsync(id, ct))
        {
            return NotFound();
        }

        Message = "Initiativerne er omnummereret.";
        return Redirect($"/maal/maal/{id}");
    }

    public async Task<IActionResult> OnPostKeyFigureAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Figure.ToInput(ModelState, nameof(Figure)) is not { } input)
        {
            return Page();
        }

        var (figure, errors) = await figures.CreateAsync(id, input, ct);
        if (figure is not null)
        {
            return Redirect($"/maal/noegletal/{figure.Id}");
        }

        errors.CopyTo(ModelState, nameof(Figure));
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, nameof(Edit), "HP-målet er gemt.", () => changes.UpdateGoalAsync(id, new GoalInput(Edit.Number, Edit.Title, Edit.Description, Edit.Kind, Edit.Owner, Edit.Approach, Edit.FocusAreaId), ct), ct);

    public Task<IActionResult> OnPostFulfilmentAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, nameof(Fulfilment), "Opfyldelsesreglen er gemt.", () => details.SetFulfilmentAsync(id, new FulfilmentInput(Fulfilment.Rule, Fulfilment.KeyFigureId, Fulfilment.ManualPercent, Fulfilment.Justification), ct), ct);

    public Task<IActionResult> OnPostBenefitsAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, nameof(Benefits), "Gevinstoverblikket er gemt.", () => details.SetBenefitsAsync(id, new BenefitsInput(Benefits.ExpectedBenefits, Benefits.IndirectIndicators), ct), ct);

    public Task<IActionResult> OnPostAssessmentAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, nameof(Assessment), "Vurderingen er tilføjet.", async () => (await details.AddAssessmentAsync(id, new AssessmentInput(Assessment.Period, Assessment.Score, Assessment.Evidence), ct)).Errors, ct);

    public Task<IActionResult> OnPostLineAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, nameof(Line), "Afrapporteringen er tilføjet.", async () => (await details.AddReportingLineAsync(id, new ReportingLineInput(Line.Reporter, Line.Recipient, Line.Frequency, Line.Note, Line.FirstDueOn), ct)).Errors, ct);

    public async Task<IActionResult> OnPostRemoveLineAsync(Guid id, Guid lineId, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        // Only a line of this goal: the id in the form is not trusted to belong here.
        if (!await db.ReportingLines.AnyAsync(r => r.Id == lineId && r.GoalId == id, ct) || !await details.RemoveReportingLineAsync(lineId, ct))
        {
            return NotFound();
        }

        Message = "Afrapporteringen er fjernet.";
        return Redirect($"/maal/maal/{id}");
    }

    private async Task<IActionResult> SaveAsync(Guid id, string prefix, string message, Func<Task<ValidationErrors?>> save, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        var errors = await save();
        if (errors is null)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            Message = message;
            return Redirect($"/maal/maal/{id}");
        }

        errors.CopyTo(ModelState, prefix);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var planId = await db.Goals.Where(g => g.Id == id).Select(g => (Guid?)g.PlanId).SingleOrDefaultAsync(ct);
        if (planId is null || await queries.PlanAsync(planId.Value, ct) is not { } plan)
        {
            return false;
        }

        (Plan, View, Areas) = (plan.Plan, plan.Goals.Single(g => g.Goal.Id == id), plan.Areas);
        Overview = await GoalDetailsApi.LoadOverviewAsync(id, db, plan.Today, ct);
        return true;
    }
}
