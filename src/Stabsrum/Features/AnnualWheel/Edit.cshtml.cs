using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.AnnualWheel;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, ObligationChanges changes, TimeProvider time) : PageModel
{
    [BindProperty]
    public ObligationForm Input { get; set; } = new();

    [FromRoute]
    public Guid Id { get; set; }

    public Guid? SourcePlanId { get; private set; }

    public DateOnly Today => time.Today();

    public string? CompleteError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var obligation = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == Id, ct);
        if (obligation is null)
        {
            return NotFound();
        }

        SourcePlanId = obligation.SourcePlanId;
        Input = ObligationForm.From(obligation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (obligation, outcome, errors) = await changes.UpdateAsync(Id, Input.ToInput(), ct);
        switch (outcome)
        {
            case ObligationOutcome.NotFound:
                return NotFound();
            case ObligationOutcome.Saved:
                Message = $"\"{obligation!.Title}\" er gemt.";
                return Redirect("/beredskab/aarshjul");
            case ObligationOutcome.Generated:
                SourcePlanId = obligation!.SourcePlanId;
                return Page();
            default:
                errors.CopyTo(ModelState, nameof(Input));
                return Page();
        }
    }

    public async Task<IActionResult> OnPostCompleteAsync(DateOnly? completedOn, CancellationToken ct)
    {
        var (obligation, outcome, errors) = await changes.CompleteAsync(Id, new CompleteInput(completedOn), ct);
        switch (outcome)
        {
            case ObligationOutcome.NotFound:
                return NotFound();
            case ObligationOutcome.Saved:
                Message = obligation!.IsDone ? $"\"{obligation.Title}\" er udført." : $"\"{obligation.Title}\" er udført; næste frist er {LocalDate.Format(obligation.DueOn)}.";
                return Redirect("/beredskab/aarshjul");
            default:
                var current = await db.Obligations.AsNoTracking().SingleAsync(o => o.Id == Id, ct);
                SourcePlanId = current.SourcePlanId;
                Input = ObligationForm.From(current);
                CompleteError = errors.ToDictionary().Values.SelectMany(v => v).FirstOrDefault();
                return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        switch (await changes.DeleteAsync(Id, ct))
        {
            case ObligationOutcome.NotFound:
                return NotFound();
            case ObligationOutcome.Saved:
                Message = "Forpligtelsen er slettet.";
                return Redirect("/beredskab/aarshjul");
            default:
                return RedirectToPage();
        }
    }
}
