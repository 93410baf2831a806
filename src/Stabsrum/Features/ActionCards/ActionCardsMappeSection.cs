using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Preparedness;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.ActionCards;

/// <summary>The beredskabsmappe's chapter with the current published version of every action card.</summary>
public sealed class ActionCardsMappeSection : IBeredskabsmappeSection
{
    public int Order => 70;

    public string Title => "Actionkort (bilag F)";

    public string PartialViewName => "/Features/ActionCards/_MappeActionCards.cshtml";

    public async Task<object> LoadAsync(StabsrumDbContext db, CancellationToken cancellationToken)
    {
        var published = await db.ActionCardVersions.AsNoTracking().Include(v => v.Steps)
            .Where(v => v.Status == ActionCardStatus.Published)
            .ToListAsync(cancellationToken);
        return published.GroupBy(v => v.ActionCardId)
            .Select(g => g.MaxBy(v => v.Number)!)
            .OrderBy(v => v.Title, StringComparer.Ordinal)
            .ToList();
    }
}
