using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Plans;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class NewModel(PlanChanges changes) : PageModel
{
    [BindProperty]
    public PlanForm Input { get; set; } = new();

    /// <summary>Made when the form is shown, so a double submit creates one plan, not two.</summary>
    [BindProperty]
    public Guid ClientId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet() => ClientId = Guid.CreateVersion7();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ClientId == Guid.Empty)
        {
            ClientId = Guid.CreateVersion7();
        }

        var (plan, outcome, errors) = await changes.CreateAsync(Input.ToInput(ClientId), ct);
        if (plan is not null && outcome is PlanSaveOutcome.Created or PlanSaveOutcome.AlreadyExists)
        {
            Message = $"Planen \"{plan.Title}\" er registreret.";
            return Redirect($"/beredskab/planer/{plan.Id}");
        }

        // Binding errors (a date that is not a date) are the field's own message; ours come after.
        errors.CopyTo(ModelState, nameof(Input));
        return Page();
    }
}
