using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.ActionCards;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Tasks;

/// <summary>On an incident's task page: the action cards in use with their progress, and (for operators) taking one out.</summary>
public sealed class ActionCardsInUseViewComponent(StabsrumDbContext db) : ViewComponent
{
    public sealed record CardChoice(Guid CardId, string Title, int Version);

    public sealed record Model(Guid IncidentId, IReadOnlyList<ActivationDto> Activations, IReadOnlyList<CardChoice> Cards, bool CanOperate);

    public async Task<IViewComponentResult> InvokeAsync(Guid incidentId, bool canOperate)
    {
        var activations = await ActionCardActivations.ForIncidentAsync(db, incidentId, HttpContext.RequestAborted);
        var used = activations.Select(a => a.ActionCardVersionId).ToHashSet();
        var cards = canOperate
            ? (await db.ActionCardVersions.AsNoTracking().Where(v => v.Status == ActionCardStatus.Published)
                    .Select(v => new { v.Id, v.ActionCardId, v.Title, v.Number }).ToListAsync(HttpContext.RequestAborted))
                .GroupBy(v => v.ActionCardId).Select(g => g.MaxBy(v => v.Number)!)
                .Where(v => !used.Contains(v.Id))
                .OrderBy(v => v.Title, StringComparer.Ordinal)
                .Select(v => new CardChoice(v.ActionCardId, v.Title, v.Number)).ToList()
            : [];
        return View("~/Features/Tasks/Pages/_ActionCardsInUse.cshtml", new Model(incidentId, activations, cards, canOperate));
    }
}
