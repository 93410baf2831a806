using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.ActionCards;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, ActionCardChanges changes) : PageModel
{
    [BindProperty]
    public CardForm Input { get; set; } = new();

    [FromRoute]
    public Guid Id { get; set; }

    public string CardTitle { get; private set; } = "";

    public int? DraftNumber { get; private set; }

    public string? PublishError { get; private set; }

    public IReadOnlyList<(Guid Id, string Title)> Plans { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var card = await LoadAsync(ct);
        if (card is null)
        {
            return NotFound();
        }

        Input = CardForm.From(card.Draft ?? card.CurrentPublished ?? card.Versions.MaxBy(v => v.Number)!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (draft, outcome, errors) = await changes.SaveDraftAsync(Id, Input.ToInput(), ct);
        if (outcome == CardOutcome.NotFound)
        {
            return NotFound();
        }

        if (draft is not null)
        {
            Message = $"Kladden (version {draft.Number}) er gemt.";
            return RedirectToPage();
        }

        errors.CopyTo(ModelState, nameof(Input));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int? version, CancellationToken ct)
    {
        var (published, outcome, errors) = await changes.PublishAsync(Id, new PublishInput(version), ct);
        if (outcome == CardOutcome.NotFound)
        {
            return NotFound();
        }

        if (published is not null && outcome == CardOutcome.Saved)
        {
            Message = $"Version {published.Number} er udgivet.";
            return Redirect($"/beredskab/actionkort/{Id}");
        }

        var card = await LoadAsync(ct);
        Input = CardForm.From(card!.Draft ?? card.Versions.MaxBy(v => v.Number)!);
        PublishError = string.Join(" ", errors.ToDictionary().Values.SelectMany(v => v));
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (await changes.DiscardDraftAsync(Id, ct) != CardOutcome.Saved)
        {
            return NotFound();
        }

        Message = "Kladden er kasseret.";
        return await changes.LoadAsync(Id, ct) is null ? Redirect("/beredskab/actionkort") : Redirect($"/beredskab/actionkort/{Id}");
    }

    private async Task<ActionCard?> LoadAsync(CancellationToken ct)
    {
        var card = await changes.LoadAsync(Id, ct);
        if (card is not null)
        {
            CardTitle = card.Title;
            DraftNumber = card.Draft?.Number;
            Plans = await PlanChoices.LoadAsync(db, ct);
        }

        return card;
    }
}
