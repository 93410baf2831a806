using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Plans;

/// <summary>The overview's panel on the plans register: revisions and exercises overdue or due within 90 days.</summary>
public sealed class PlanDutiesViewComponent(StabsrumDbContext db, TimeProvider time) : ViewComponent
{
    public sealed record DutyLine(Guid PlanId, string PlanTitle, string Duty, PlanDuty State);

    public sealed record PanelModel(IReadOnlyList<DutyLine> Lines, int PlanCount);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var today = time.Today();
        var plans = await db.Plans.AsNoTracking().Where(p => !p.Archived).ToListAsync(HttpContext.RequestAborted);
        var lines = plans
            .SelectMany(p => new[]
            {
                new DutyLine(p.Id, p.Title, "Revision", p.Revision(today)),
                p.Exercise(today) is { } exercise ? new DutyLine(p.Id, p.Title, "Øvelse", exercise) : null,
            })
            .OfType<DutyLine>()
            .Where(l => l.State.State != DutyState.Ok)
            .OrderBy(l => l.State.State).ThenBy(l => l.State.DueOn)
            .ToList();
        return View("/Features/Plans/_PlanDutiesPanel.cshtml", new PanelModel(lines, plans.Count));
    }
}
