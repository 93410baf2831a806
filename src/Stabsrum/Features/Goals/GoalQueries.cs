using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Goals;

public sealed record InitiativeView(Initiative Initiative, string Number, bool IsBehind);

public sealed record KeyFigureView(KeyFigure Figure, IReadOnlyList<Measurement> Series, Attainment Attainment);

public sealed record GoalView(
    Goal Goal, string? FocusPath, IReadOnlyList<InitiativeView> Initiatives, IReadOnlyList<KeyFigureView> KeyFigures,
    GoalFulfilment Fulfilment)
{
    public int Count(InitiativeStatus status) => Initiatives.Count(i => i.Initiative.Status == status);

    public int BehindCount => Initiatives.Count(i => i.IsBehind);

    /// <summary>"Fakta om HP-mål": følger tidsplan unless an initiative's schedule has passed without it being done.</summary>
    public string TimelineText => Initiatives.Count == 0 ? "Ingen initiativer" : BehindCount == 0 ? "Følger tidsplan" : $"Bagud ({BehindCount} {(BehindCount == 1 ? "initiativ" : "initiativer")})";

    public int DoneInYear(int year) => Initiatives.Count(i => i.Initiative.ImplementedAt is { } at && Infrastructure.Time.DanishTime.ToLocal(at).Year == year);
}

public sealed record FocusAreaView(FocusArea Area, int Depth, string Path);

public sealed record PlanView(GoalPlan Plan, IReadOnlyList<FocusAreaView> Areas, IReadOnlyList<GoalView> Goals, DateOnly Today)
{
    public int? FulfilmentPercent => GoalFulfilment.PlanPercent(Goals.Select(g => g.Fulfilment));

    public int Count(InitiativeStatus status) => Goals.Sum(g => g.Count(status));

    public int InitiativeCount => Goals.Sum(g => g.Initiatives.Count);

    public int BehindCount => Goals.Sum(g => g.BehindCount);

    /// <summary>The top-level focus areas with every goal under them or their sub-areas.</summary>
    public IEnumerable<(FocusArea Area, IReadOnlyList<GoalView> Goals)> ByTopArea()
    {
        var top = Areas.Where(a => a.Depth == 0).Select(a => a.Area).ToList();
        foreach (var area in top)
        {
            var ids = Descendants(area.Id).Append(area.Id).ToHashSet();
            yield return (area, Goals.Where(g => g.Goal.FocusAreaId is { } id && ids.Contains(id)).ToList());
        }
    }

    private IEnumerable<Guid> Descendants(Guid id) =>
        Areas.Where(a => a.Area.ParentId == id).SelectMany(a => Descendants(a.Area.Id).Append(a.Area.Id));
}

/// <summary>Reads a whole plan in a handful of queries: plans are small (tens of goals, hundreds of initiatives).</summary>
public sealed class GoalQueries(StabsrumDbContext db, GoalChanges changes)
{
    public DateOnly Today => changes.Today;

    public async Task<PlanView?> PlanAsync(Guid planId, CancellationToken ct)
    {
        var plan = await db.GoalPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return null;
        }

        var areas = await db.FocusAreas.AsNoTracking().Where(f => f.PlanId == planId).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(g => g.PlanId == planId).OrderBy(g => g.Number).ToListAsync(ct);
        var goalIds = goals.Select(g => g.Id).ToList();
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => goalIds.Contains(i.GoalId)).OrderBy(i => i.Sequence).ToListAsync(ct);
        var figures = await db.KeyFigures.AsNoTracking().Where(k => goalIds.Contains(k.GoalId)).OrderBy(k => k.Name).ToListAsync(ct);
        var figureIds = figures.Select(k => k.Id).ToList();
        var measurements = await db.Measurements.AsNoTracking().Where(m => figureIds.Contains(m.KeyFigureId)).OrderBy(m => m.PeriodStart).ToListAsync(ct);

        var areaViews = Flatten(areas);
        var paths = areaViews.ToDictionary(a => a.Area.Id, a => a.Path);
        var today = Today;
        var goalViews = goals.Select(g => Build(g, g.FocusAreaId is { } f ? paths.GetValueOrDefault(f) : null, initiatives, figures, measurements, today)).ToList();
        return new PlanView(plan, areaViews, goalViews, today);
    }

    public async Task<(GoalPlan Plan, GoalView Goal)?> GoalAsync(Guid goalId, CancellationToken ct)
    {
        var planId = await db.Goals.Where(g => g.Id == goalId).Select(g => (Guid?)g.PlanId).SingleOrDefaultAsync(ct);
        if (planId is null || await PlanAsync(planId.Value, ct) is not { } plan)
        {
            return null;
        }

        return (plan.Plan, plan.Goals.Single(g => g.Goal.Id == goalId));
    }

    public static KeyFigureView KeyFigure(KeyFigure figure, IReadOnlyList<Measurement> series)
    {
        var latest = series.Count == 0 ? null : series[^1];
        return new KeyFigureView(figure, series, Attainment.Compute(figure.Direction, figure.BaselineValue, figure.TargetValue, latest?.Value, latest?.Period));
    }

    private static GoalView Build(Goal goal, string? path, List<Initiative> initiatives, List<KeyFigure> figures, List<Measurement> measurements, DateOnly today)
    {
        var own = initiatives.Where(i => i.GoalId == goal.Id)
            .Select(i => new InitiativeView(i, Initiative.NumberOf(goal.Number, i.Sequence), i.Schedule.IsBehind(i.Status, today)))
            .ToList();
        var keyFigures = figures.Where(k => k.GoalId == goal.Id)
            .Select(k => KeyFigure(k, measurements.Where(m => m.KeyFigureId == k.Id).ToList()))
            .ToList();
        var rule = keyFigures.FirstOrDefault(k => k.Figure.Id == goal.FulfilmentKeyFigureId);
        var fulfilment = GoalFulfilment.Compute(goal, own.Select(i => i.Initiative.Status).ToList(), rule?.Attainment, rule?.Figure.Name);
        return new GoalView(goal, path, own, keyFigures, fulfilment);
    }

    private static List<FocusAreaView> Flatten(List<FocusArea> areas)
    {
        var result = new List<FocusAreaView>();
        void Walk(Guid? parent, int depth, string prefix)
        {
            foreach (var area in areas.Where(a => a.ParentId == parent).OrderBy(a => a.SortOrder).ThenBy(a => a.Name, StringComparer.Ordinal))
            {
                var path = prefix.Length == 0 ? area.Name : prefix + " › " + area.Name;
                result.Add(new FocusAreaView(area, depth, path));
                if (depth < 10)
                {
                    Walk(area.Id, depth + 1, path);
                }
            }
        }

        Walk(null, 0, "");
        return result;
    }
}
