using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.AnnualWheel;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class NewModel(ObligationChanges changes) : PageModel
{
    [BindProperty]
    public ObligationForm Input { get; set; } = new();

    [BindProperty]
    public Guid ClientId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet() => ClientId = Guid.CreateVersion7();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (obligation, outcome, errors) = await changes.CreateAsync(Input.ToInput(ClientId == Guid.Empty ? null : ClientId), ct);
        if (obligation is not null && outcome is ObligationOutcome.Saved or ObligationOutcome.AlreadyExists)
        {
            Message = $"\"{obligation.Title}\" er tilføjet årshjulet.";
            return Redirect("/beredskab/aarshjul");
        }

        errors.CopyTo(ModelState, nameof(Input));
        return Page();
    }
}
