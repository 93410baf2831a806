using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Goals.CostKeys;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Goals;

/// <summary>Goal plans, goals, initiatives and key figures under /api/v1. Reads need Read, writes MaintainRegistry.</summary>
public static class GoalsApi
{
    public sealed record PlanSummaryDto(Guid Id, string Name, string Kind, int StartYear, int EndYear);

    public sealed record FocusAreaDto(Guid Id, Guid? ParentId, string Name, string Path);

    public sealed record GoalSummaryDto(
        Guid Id, int Number, string Title, string Kind, Guid? FocusAreaId, string? FocusPath, string? Owner,
        int InitiativeCount, IReadOnlyDictionary<string, int> StatusCounts, int BehindCount, string Timeline, int? FulfilmentPercent);

    public sealed record PlanDto(
        Guid Id, string Name, string Kind, int StartYear, int EndYear, string? Description, int? FulfilmentPercent,
        IReadOnlyDictionary<string, int> StatusCounts, int BehindCount, IReadOnlyList<FocusAreaDto> FocusAreas, IReadOnlyList<GoalSummaryDto> Goals);

    public sealed record StatusChangeDto(Guid Id, string? From, string To, string? Comment, DateTimeOffset ChangedAt, string ChangedBy);

    public sealed record InitiativeDto(
        Guid Id, Guid GoalId, string Number, int Sequence, string Text, string? Responsible, string? Description,
        string Schedule, DateOnly? ScheduleFrom, DateOnly? ScheduleTo, string Status, string StatusLabel, bool IsBehind,
        IReadOnlyList<StatusChangeDto>? History);

    public sealed record MeasurementDto(string Period, decimal Value, string? Comment, DateTimeOffset EnteredAt, string EnteredBy);

    public sealed record AttainmentDto(decimal? Latest, string? LatestPeriod, bool Met, int Percent);

    public sealed record KeyFigureDto(
        Guid Id, Guid GoalId, string Name, string Unit, string Direction, string? BaselinePeriod, decimal? BaselineValue,
        string TargetPeriod, decimal TargetValue, string? Method, string? DataSource, string? MeasuredBy, string Frequency,
        AttainmentDto Attainment, IReadOnlyList<MeasurementDto> Measurements);

    public sealed record FulfilmentDto(string Rule, int? Percent, string Explanation);

    public sealed record GoalDto(
        Guid Id, Guid PlanId, int Number, string Title, string? Description, string Kind, string? Owner, string? Approach,
        Guid? FocusAreaId, string? FocusPath, string? ExpectedBenefits, string? IndirectIndicators, FulfilmentDto Fulfilment,
        string Timeline, IReadOnlyList<InitiativeDto> Initiatives, IReadOnlyList<KeyFigureDto> KeyFigures);

    public sealed record ImportResultDto(int Imported);

    public static void MapGoalsApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapApiGroup("/goal-plans", "Mål");
        plans.MapGet("/", ListPlans).RequireAuthorization(Policies.Read);
        plans.MapPost("/", CreatePlan).RequireAuthorization(Policies.MaintainRegistry);
        plans.MapGet("/{id:guid}", GetPlan).RequireAuthorization(Policies.Read);
        plans.MapPost("/{id:guid}/focus-areas", AddFocusArea).RequireAuthorization(Policies.MaintainRegistry);
        plans.MapPost("/{id:guid}/goals", AddGoal).RequireAuthorization(Policies.MaintainRegistry);

        var goals = app.MapApiGroup("/goals", "Mål");
        goals.MapGet("/{id:guid}", GetGoal).RequireAuthorization(Policies.Read);
        goals.MapPut("/{id:guid}", UpdateGoal).RequireAuthorization(Policies.MaintainRegistry);
        goals.MapPost("/{id:guid}/initiatives", AddInitiative).RequireAuthorization(Policies.MaintainRegistry);
        goals.MapPost("/{id:guid}/initiatives/renumber", Renumber).RequireAuthorization(Policies.MaintainRegistry);
        goals.MapPost("/{id:guid}/key-figures", AddKeyFigure).RequireAuthorization(Policies.MaintainRegistry);

        var initiatives = app.MapApiGroup("/initiatives", "Mål");
        initiatives.MapGet("/{id:guid}", GetInitiative).RequireAuthorization(Policies.Read);
        initiatives.MapPut("/{id:guid}", UpdateInitiative).RequireAuthorization(Policies.MaintainRegistry);
        initiatives.MapDelete("/{id:guid}", DeleteInitiative).RequireAuthorization(Policies.MaintainRegistry);
        initiatives.MapPost("/{id:guid}/status", ChangeStatus).RequireAuthorization(Policies.MaintainRegistry);

        var figures = app.MapApiGroup("/key-figures", "Mål");
        figures.MapGet("/{id:guid}", GetKeyFigure).RequireAuthorization(Policies.Read);
        figures.MapPost("/{id:guid}/measurements", RecordMeasurement).RequireAuthorization(Policies.MaintainRegistry);
        figures.MapPost("/{id:guid}/measurements/import", ImportMeasurements).RequireAuthorization(Policies.MaintainRegistry);

        app.MapGoalDetailsApi();
        app.MapGoalEditsApi();
        app.MapCostKeysApi();
    }

    private static async Task<Ok<List<PlanSummaryDto>>> ListPlans(StabsrumDbContext db, CancellationToken ct)
    {
        var plans = await db.GoalPlans.AsNoTracking().OrderByDescending(p => p.StartYear).ThenBy(p => p.Name).ToListAsync(ct);
        return TypedResults.Ok(plans.Select(p => new PlanSummaryDto(p.Id, p.Name, p.Kind.ToString(), p.StartYear, p.EndYear)).ToList());
    }

    private static async Task<Results<Created<PlanSummaryDto>, ValidationProblem>> CreatePlan(PlanInput input, GoalChanges changes, CancellationToken ct)
    {
        var (plan, errors) = await changes.CreatePlanAsync(input, ct);
        return plan is null ? errors.Problem() : TypedResults.Created($"/api/v1/goal-plans/{plan.Id}", new PlanSummaryDto(plan.Id, plan.Name, plan.Kind.ToString(), plan.StartYear, plan.EndYear));
    }

    private static async Task<Results<Ok<PlanDto>, NotFound>> GetPlan(Guid id, GoalQueries queries, CancellationToken ct) =>
        await queries.PlanAsync(id, ct) is { } plan ? TypedResults.Ok(ToDto(plan)) : TypedResults.NotFound();

    private static async Task<Results<Created<FocusAreaDto>, NotFound, ValidationProblem>> AddFocusArea(Guid id, FocusAreaInput input, GoalChanges changes, StabsrumDbContext db, CancellationToken ct)
    {
        if (!await db.GoalPlans.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (area, errors) = await changes.AddFocusAreaAsync(id, input, ct);
        return area is null ? errors.Problem() : TypedResults.Created($"/api/v1/goal-plans/{id}", new FocusAreaDto(area.Id, area.ParentId, area.Name, area.Name));
    }

    private static async Task<Results<Created<GoalDto>, NotFound, ValidationProblem>> AddGoal(Guid id, GoalInput input, GoalChanges changes, GoalQueries queries, StabsrumDbContext db, CancellationToken ct)
    {
        if (!await db.GoalPlans.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (goal, errors) = await changes.AddGoalAsync(id, input, ct);
        if (goal is null)
        {
            return errors.Problem();
        }

        var view = await queries.GoalAsync(goal.Id, ct);
        return TypedResults.Created($"/api/v1/goals/{goal.Id}", ToDto(view!.Value.Goal));
    }

    private static async Task<Results<Ok<GoalDto>, NotFound>> GetGoal(Guid id, GoalQueries queries, CancellationToken ct) =>
        await queries.GoalAsync(id, ct) is { } view ? TypedResults.Ok(ToDto(view.Goal)) : TypedResults.NotFound();

    private static async Task<Results<Ok<GoalDto>, NotFound, ValidationProblem>> UpdateGoal(Guid id, GoalInput input, GoalChanges changes, GoalQueries queries, CancellationToken ct) =>
        await changes.UpdateGoalAsync(id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.Ok(ToDto((await queries.GoalAsync(id, ct))!.Value.Goal)),
        };

    private static async Task<Results<Created<InitiativeDto>, NotFound, ValidationProblem>> AddInitiative(Guid id, InitiativeInput input, GoalChanges changes, StabsrumDbContext db, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (goal is null)
        {
            return TypedResults.NotFound();
        }

        var (initiative, errors) = await changes.AddInitiativeAsync(id, input, ct);
        return initiative is null
            ? errors.Problem()
            : TypedResults.Created($"/api/v1/initiatives/{initiative.Id}", ToDto(initiative, goal.Number, false, null));
    }

    private static async Task<Results<Ok<GoalDto>, NotFound, ValidationProblem>> Renumber(Guid id, RenumberInput input, GoalChanges changes, GoalQueries queries, CancellationToken ct)
    {
        if (input.Confirm != true)
        {
            return new ValidationErrors().Add("confirm", "Bekræft omnummereringen med \"confirm\": true.").Problem();
        }

        return await changes.RenumberAsync(id, ct) ? TypedResults.Ok(ToDto((await queries.GoalAsync(id, ct))!.Value.Goal)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<InitiativeDto>, NotFound>> GetInitiative(Guid id, StabsrumDbContext db, GoalChanges changes, CancellationToken ct) =>
        await LoadInitiativeAsync(id, db, changes.Today, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Ok<InitiativeDto>, NotFound, ValidationProblem>> UpdateInitiative(Guid id, InitiativeInput input, GoalChanges changes, StabsrumDbContext db, CancellationToken ct) =>
        await changes.UpdateInitiativeAsync(id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.Ok((await LoadInitiativeAsync(id, db, changes.Today, ct))!),
        };

    private static async Task<Results<NoContent, NotFound>> DeleteInitiative(Guid id, GoalChanges changes, CancellationToken ct) =>
        await changes.DeleteInitiativeAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<InitiativeDto>, NotFound, ValidationProblem>> ChangeStatus(Guid id, StatusInput input, GoalChanges changes, StabsrumDbContext db, CancellationToken ct) =>
        await changes.ChangeStatusAsync(id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.Ok((await LoadInitiativeAsync(id, db, changes.Today, ct))!),
        };

    private static async Task<Results<Created<KeyFigureDto>, NotFound, ValidationProblem>> AddKeyFigure(Guid id, KeyFigureInput input, KeyFigureChanges changes, StabsrumDbContext db, CancellationToken ct)
    {
        if (!await db.Goals.AnyAsync(g => g.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (figure, errors) = await changes.CreateAsync(id, input, ct);
        return figure is null ? errors.Problem() : TypedResults.Created($"/api/v1/key-figures/{figure.Id}", ToDto(GoalQueries.KeyFigure(figure, [])));
    }

    private static async Task<Results<Ok<KeyFigureDto>, NotFound>> GetKeyFigure(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        await LoadKeyFigureAsync(id, db, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Ok<KeyFigureDto>, NotFound, ValidationProblem>> RecordMeasurement(Guid id, MeasurementInput input, KeyFigureChanges changes, StabsrumDbContext db, CancellationToken ct) =>
        await changes.RecordAsync(id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.Ok((await LoadKeyFigureAsync(id, db, ct))!),
        };

    private static async Task<Results<Ok<ImportResultDto>, NotFound, ValidationProblem>> ImportMeasurements(Guid id, MeasurementImportInput input, KeyFigureChanges changes, CancellationToken ct)
    {
        var (imported, errors) = await changes.ImportAsync(id, input.Csv, ct);
        if (imported is null)
        {
            return TypedResults.NotFound();
        }

        if (errors.Count > 0)
        {
            var problem = new ValidationErrors();
            foreach (var error in errors)
            {
                problem.Add("csv", error);
            }

            return problem.Problem();
        }

        return TypedResults.Ok(new ImportResultDto(imported.Value));
    }

    internal static async Task<InitiativeDto?> LoadInitiativeAsync(Guid id, StabsrumDbContext db, DateOnly today, CancellationToken ct)
    {
        var initiative = await db.Initiatives.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (initiative is null)
        {
            return null;
        }

        var number = await db.Goals.Where(g => g.Id == initiative.GoalId).Select(g => g.Number).SingleAsync(ct);
        var history = await db.InitiativeStatusChanges.AsNoTracking().Where(c => c.InitiativeId == id).OrderBy(c => c.ChangedAt).ToListAsync(ct);
        return ToDto(initiative, number, initiative.Schedule.IsBehind(initiative.Status, today), history);
    }

    internal static async Task<KeyFigureDto?> LoadKeyFigureAsync(Guid id, StabsrumDbContext db, CancellationToken ct)
    {
        var figure = await db.KeyFigures.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct);
        if (figure is null)
        {
            return null;
        }

        var series = await db.Measurements.AsNoTracking().Where(m => m.KeyFigureId == id).OrderBy(m => m.PeriodStart).ToListAsync(ct);
        return ToDto(GoalQueries.KeyFigure(figure, series));
    }

    private static Dictionary<string, int> Counts(Func<InitiativeStatus, int> count) =>
        StatusSteps.All.ToDictionary(s => s.ToString(), count);

    public static PlanDto ToDto(PlanView view) => new(
        view.Plan.Id, view.Plan.Name, view.Plan.Kind.ToString(), view.Plan.StartYear, view.Plan.EndYear, view.Plan.Description,
        view.FulfilmentPercent, Counts(view.Count), view.BehindCount,
        view.Areas.Select(a => new FocusAreaDto(a.Area.Id, a.Area.ParentId, a.Area.Name, a.Path)).ToList(),
        view.Goals.Select(g => new GoalSummaryDto(
            g.Goal.Id, g.Goal.Number, g.Goal.Title, g.Goal.Kind.ToString(), g.Goal.FocusAreaId, g.FocusPath, g.Goal.Owner,
            g.Initiatives.Count, Counts(g.Count), g.BehindCount, g.TimelineText, g.Fulfilment.Percent)).ToList());

    public static GoalDto ToDto(GoalView g) => new(
        g.Goal.Id, g.Goal.PlanId, g.Goal.Number, g.Goal.Title, g.Goal.Description, g.Goal.Kind.ToString(), g.Goal.Owner, g.Goal.Approach,
        g.Goal.FocusAreaId, g.FocusPath, g.Goal.ExpectedBenefits, g.Goal.IndirectIndicators,
        new FulfilmentDto(g.Fulfilment.Rule.ToString(), g.Fulfilment.Percent, g.Fulfilment.Explanation), g.TimelineText,
        g.Initiatives.Select(i => ToDto(i.Initiative, g.Goal.Number, i.IsBehind, null)).ToList(),
        g.KeyFigures.Select(ToDto).ToList());

    private static InitiativeDto ToDto(Initiative i, int goalNumber, bool behind, List<InitiativeStatusChange>? history) => new(
        i.Id, i.GoalId, Initiative.NumberOf(goalNumber, i.Sequence), i.Sequence, i.Text, i.Responsible, i.Description,
        i.Schedule.ToString(), i.ScheduleFrom, i.ScheduleTo, i.Status.ToString(), i.Status.Label(), behind,
        history?.Select(c => new StatusChangeDto(c.Id, c.FromStatus?.ToString(), c.ToStatus.ToString(), c.Comment, c.ChangedAt, c.ChangedBy)).ToList());

    private static KeyFigureDto ToDto(KeyFigureView k) => new(
        k.Figure.Id, k.Figure.GoalId, k.Figure.Name, k.Figure.Unit.ToString(), k.Figure.Direction.ToString(), k.Figure.BaselinePeriod,
        k.Figure.BaselineValue, k.Figure.TargetPeriod, k.Figure.TargetValue, k.Figure.Method, k.Figure.DataSource, k.Figure.MeasuredBy,
        k.Figure.Frequency.ToString(), new AttainmentDto(k.Attainment.Latest, k.Attainment.LatestPeriod, k.Attainment.Met, k.Attainment.Percent),
        k.Series.Select(m => new MeasurementDto(m.Period, m.Value, m.Comment, m.EnteredAt, m.EnteredBy)).ToList());
}
