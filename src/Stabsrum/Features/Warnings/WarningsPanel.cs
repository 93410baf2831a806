using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Warnings;

/// <summary>The overview's panel: new relevant warnings that await a decision.</summary>
public sealed class WarningsPanel(StabsrumDbContext db, TimeProvider time) : ViewComponent
{
    public sealed record PanelModel(IReadOnlyList<Warning> Pending, int Total);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var now = time.GetUtcNow();
        var candidates = await db.Warnings.AsNoTracking()
            .Where(w => w.IsRelevant && w.Triage == TriageOutcome.Untriaged && w.CancelledById == null && w.SupersededById == null)
            .OrderByDescending(w => w.ReceivedAt).Take(50).ToListAsync(HttpContext.RequestAborted);
        var pending = candidates.Where(w => w.AwaitsTriage(now)).ToList();
        return View("~/Features/Warnings/WarningsPanel.cshtml", new PanelModel(pending.Take(5).ToList(), pending.Count));
    }
}
