using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.ActionCards;

[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(ActionCardChanges cards, CurrentOrganisation current) : PageModel
{
    public ActionCard Card { get; private set; } = null!;

    /// <summary>The version asked for, else the current published one.</summary>
    public ActionCardVersion? Shown { get; private set; }

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken ct)
    {
        var card = await cards.LoadAsync(id, ct);
        if (card is null)
        {
            return NotFound();
        }

        Card = card;
        Shown = version is { } n ? card.Versions.SingleOrDefault(v => v.Number == n) : card.CurrentPublished;
        return version is not null && Shown is null ? NotFound() : Page();
    }
}
