using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Goals;

/// <summary>Fulfilment rules, benefit overviews and reporting lines of a goal.</summary>
public static class GoalDetailsApi
{
    public sealed record AssessmentDto(Guid Id, string Period, int Score, string ScaleLabel, string Evidence, DateTimeOffset AssessedAt, string AssessedBy);

    public sealed record ReportingLineDto(Guid Id, string Reporter, string Recipient, string Frequency, string? Note, DateOnly? FirstDueOn, DateOnly? NextDueOn);

    public sealed record BenefitOverviewDto(Guid GoalId, string? ExpectedBenefits, string? IndirectIndicators, IReadOnlyList<AssessmentDto> Assessments, IReadOnlyList<ReportingLineDto> ReportingLines);

    public static void MapGoalDetailsApi(this IEndpointRouteBuilder app)
    {
        var goals = app.MapApiGroup("/goals", "Mål");
        goals.MapPut("/{id:guid}/fulfilment", SetFulfilment).RequireAuthorization(Policies.MaintainRegistry);
        goals.MapGet("/{id:guid}/benefit-overview", GetOverview).RequireAuthorization(Policies.Read);
        goals.MapPut("/{id:guid}/benefits", SetBenefits).RequireAuthorization(Policies.MaintainRegistry);
        goals.MapPost("/{id:guid}/benefit-assessments", AddAssessment).RequireAuthorization(Policies.MaintainRegistry);
        goals.MapPost("/{id:guid}/reporting-lines", AddReportingLine).RequireAuthorization(Policies.MaintainRegistry);

        var lines = app.MapApiGroup("/reporting-lines", "Mål");
        lines.MapDelete("/{id:guid}", RemoveReportingLine).RequireAuthorization(Policies.MaintainRegistry);
    }

    private static async Task<Results<Ok<GoalsApi.GoalDto>, NotFound, ValidationProblem>> SetFulfilment(Guid id, FulfilmentInput input, GoalDetailsChanges changes, GoalQueries queries, CancellationToken ct) =>
        await changes.SetFulfilmentAsync(id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.Ok(GoalsApi.ToDto((await queries.GoalAsync(id, ct))!.Value.Goal)),
        };

    private static async Task<Results<Ok<BenefitOverviewDto>, NotFound>> GetOverview(Guid id, StabsrumDbContext db, GoalChanges goals, CancellationToken ct) =>
        await LoadOverviewAsync(id, db, goals.Today, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Ok<BenefitOverviewDto>, NotFound, ValidationProblem>> SetBenefits(Guid id, BenefitsInput input, GoalDetailsChanges changes, GoalChanges goals, StabsrumDbContext db, CancellationToken ct) =>
        await changes.SetBenefitsAsync(id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.Ok((await LoadOverviewAsync(id, db, goals.Today, ct))!),
        };

    private static async Task<Results<Created<AssessmentDto>, NotFound, ValidationProblem>> AddAssessment(Guid id, AssessmentInput input, GoalDetailsChanges changes, CancellationToken ct) =>
        await changes.AddAssessmentAsync(id, input, ct) switch
        {
            (_, null) => TypedResults.NotFound(),
            ({ } a, _) => TypedResults.Created($"/api/v1/goals/{id}/benefit-overview", ToDto(a)),
            (_, var errors) => errors.Problem(),
        };

    private static async Task<Results<Created<ReportingLineDto>, NotFound, ValidationProblem>> AddReportingLine(Guid id, ReportingLineInput input, GoalDetailsChanges changes, GoalChanges goals, StabsrumDbContext db, CancellationToken ct) =>
        await changes.AddReportingLineAsync(id, input, ct) switch
        {
            (_, null) => TypedResults.NotFound(),
            ({ } l, _) => TypedResults.Created($"/api/v1/goals/{id}/benefit-overview", (await LoadOverviewAsync(id, db, goals.Today, ct))!.ReportingLines.Single(x => x.Id == l.Id)),
            (_, var errors) => errors.Problem(),
        };

    private static async Task<Results<NoContent, NotFound>> RemoveReportingLine(Guid id, GoalDetailsChanges changes, CancellationToken ct) =>
        await changes.RemoveReportingLineAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static async Task<BenefitOverviewDto?> LoadOverviewAsync(Guid goalId, StabsrumDbContext db, DateOnly today, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().SingleOrDefaultAsync(g => g.Id == goalId, ct);
        if (goal is null)
        {
            return null;
        }

        var assessments = await db.BenefitAssessments.AsNoTracking().Where(a => a.GoalId == goalId).OrderBy(a => a.PeriodStart).ThenBy(a => a.AssessedAt).ToListAsync(ct);
        var lines = await db.ReportingLines.AsNoTracking().Where(r => r.GoalId == goalId).OrderBy(r => r.Reporter).ToListAsync(ct);
        var plan = await db.GoalPlans.AsNoTracking().SingleAsync(p => p.Id == goal.PlanId, ct);
        return new BenefitOverviewDto(goalId, goal.ExpectedBenefits, goal.IndirectIndicators, assessments.Select(ToDto).ToList(), lines.Select(l => ToDto(l, plan, today)).ToList());
    }

    private static AssessmentDto ToDto(BenefitAssessment a) => new(a.Id, a.Period, a.Score, BenefitScale.Label(a.Score), a.Evidence, a.AssessedAt, a.AssessedBy);

    private static ReportingLineDto ToDto(ReportingLine l, GoalPlan plan, DateOnly today) =>
        new(l.Id, l.Reporter, l.Recipient, l.Frequency.ToString(), l.Note, l.FirstDueOn, ReportingSchedule.Next(l.Frequency, l.FirstDueOn, plan.StartYear, plan.EndYear, today));
}
