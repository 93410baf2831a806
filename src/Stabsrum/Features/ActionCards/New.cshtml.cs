using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.ActionCards;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class NewModel(StabsrumDbContext db, ActionCardChanges changes) : PageModel
{
    [BindProperty]
    public CardForm Input { get; set; } = new();

    [BindProperty]
    public Guid ClientId { get; set; }

    public IReadOnlyList<(Guid Id, string Title)> Plans { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ClientId = Guid.CreateVersion7();
        Plans = await PlanChoices.LoadAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (card, _, errors) = await changes.CreateAsync(Input.ToInput(ClientId == Guid.Empty ? null : ClientId), ct);
        if (card is not null)
        {
            Message = $"Kladden til \"{card.Title}\" er gemt.";
            return Redirect($"/beredskab/actionkort/{card.Id}/rediger");
        }

        errors.CopyTo(ModelState, nameof(Input));
        Plans = await PlanChoices.LoadAsync(db, ct);
        return Page();
    }
}

internal static class PlanChoices
{
    public static async Task<IReadOnlyList<(Guid Id, string Title)>> LoadAsync(StabsrumDbContext db, CancellationToken ct) =>
        (await db.Set<Plans.Plan>().AsNoTracking().Where(p => !p.Archived).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
        .Select(p => (p.Id, p.Title)).ToList();
}
