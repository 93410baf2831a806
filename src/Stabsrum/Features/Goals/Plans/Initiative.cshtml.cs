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
    public sealed class EditForm
    {
        public string? Text { get; set; }

        public string? Responsible { get; set; }

        public string? Quarter { get; set; }

        public DateOnly? ScheduleFrom { get; set; }

        public DateOnly? ScheduleTo { get; set; }

        public string? Description { get; set; }
    }

    public GoalsApi.InitiativeDto? Initiative { get; private set; }

    public bool IsQuarter => Initiative is { } i && Schedule.TryParseQuarter(i.Schedule, out _);

    [BindProperty]
    public EditForm Edit { get; set; } = new();

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

    public async Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        ModelState.Clear();
        var errors = await changes.UpdateInitiativeAsync(id, new InitiativeInput(Edit.Text, Edit.Responsible, Edit.Description, Edit.Quarter, Edit.ScheduleFrom, Edit.ScheduleTo), ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (!errors.Any)
        {
            Message = "Initiativet er gemt.";
            return Redirect($"/maal/initiativer/{id}");
        }

        errors.CopyTo(ModelState, nameof(Edit));
        Initiative = await GoalsApi.LoadInitiativeAsync(id, db, changes.Today, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        var goalId = (await GoalsApi.LoadInitiativeAsync(id, db, changes.Today, ct))?.GoalId;
        if (goalId is null || !await changes.DeleteInitiativeAsync(id, ct))
        {
            return NotFound();
        }

        return Redirect($"/maal/maal/{goalId}");
    }

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
