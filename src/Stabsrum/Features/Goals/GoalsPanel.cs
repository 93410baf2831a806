using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Goals;

/// <summary>The Overblik panel: running plans' % fulfilled and the initiatives behind schedule.</summary>
public sealed class GoalsPanelViewComponent(StabsrumDbContext db, GoalQueries queries) : ViewComponent
{
    public const int MaxPlans = 4;
    public const int MaxBehind = 6;

    public sealed record PlanLine(Guid Id, string Name, string Period, int? FulfilmentPercent, int GoalCount, int BehindCount);

    public sealed record BehindLine(Guid InitiativeId, string Number, string Text, string Plan, string Schedule, string? Responsible);

    public sealed record PanelModel(IReadOnlyList<PlanLine> Plans, IReadOnlyList<BehindLine> Behind, int BehindTotal);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var year = queries.Today.Year;
        // Plans still running (or ended last year, while their final report is due); the newest first.
        var ids = await db.GoalPlans.AsNoTracking()
            .Where(p => p.EndYear >= year - 1)
            .OrderByDescending(p => p.EndYear).ThenBy(p => p.Name)
            .Select(p => p.Id).Take(MaxPlans).ToListAsync(ct);
        var plans = new List<PlanView>();
        foreach (var id in ids)
        {
            if (await queries.PlanAsync(id, ct) is { } plan)
            {
                plans.Add(plan);
            }
        }

        var behind = plans
            .SelectMany(p => p.Goals.SelectMany(g => g.Initiatives.Where(i => i.IsBehind).Select(i => (p, i))))
            .OrderBy(x => x.i.Initiative.ScheduleTo).ThenBy(x => x.i.Number, StringComparer.Ordinal)
            .Select(x => new BehindLine(x.i.Initiative.Id, x.i.Number, x.i.Initiative.Text, x.p.Plan.Name, x.i.Initiative.Schedule.ToString(), x.i.Initiative.Responsible))
            .ToList();
        return View("/Features/Goals/_GoalsPanel.cshtml", new PanelModel(
            plans.Select(p => new PlanLine(p.Plan.Id, p.Plan.Name, p.Plan.PeriodText, p.FulfilmentPercent, p.Goals.Count, p.BehindCount)).ToList(),
            behind.Take(MaxBehind).ToList(),
            behind.Count));
    }
}
