using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Goals;

/// <summary>Editing and deleting focus areas and key figures. A refused delete is 409 with what to do first.</summary>
public static class GoalEditsApi
{
    public static void MapGoalEditsApi(this IEndpointRouteBuilder app)
    {
        var areas = app.MapApiGroup("/focus-areas", "Mål");
        areas.MapPut("/{id:guid}", UpdateFocusArea).RequireAuthorization(Policies.MaintainRegistry);
        areas.MapDelete("/{id:guid}", DeleteFocusArea).RequireAuthorization(Policies.MaintainRegistry);

        var figures = app.MapApiGroup("/key-figures", "Mål");
        figures.MapPut("/{id:guid}", UpdateKeyFigure).RequireAuthorization(Policies.MaintainRegistry);
        figures.MapDelete("/{id:guid}", DeleteKeyFigure).RequireAuthorization(Policies.MaintainRegistry);
    }

    private static async Task<Results<Ok<GoalsApi.FocusAreaDto>, NotFound, ValidationProblem>> UpdateFocusArea(Guid id, FocusAreaInput input, FocusAreaChanges changes, GoalQueries queries, StabsrumDbContext db, CancellationToken ct)
    {
        switch (await changes.UpdateAsync(id, input, ct))
        {
            case null:
                return TypedResults.NotFound();
            case { Any: true } errors:
                return errors.Problem();
        }

        var planId = await db.FocusAreas.Where(f => f.Id == id).Select(f => f.PlanId).SingleAsync(ct);
        var area = (await queries.PlanAsync(planId, ct))!.Areas.Single(a => a.Area.Id == id);
        return TypedResults.Ok(new GoalsApi.FocusAreaDto(area.Area.Id, area.Area.ParentId, area.Area.Name, area.Path));
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> DeleteFocusArea(Guid id, FocusAreaChanges changes, CancellationToken ct) =>
        Result(await changes.DeleteAsync(id, ct));

    private static async Task<Results<Ok<GoalsApi.KeyFigureDto>, NotFound, ValidationProblem>> UpdateKeyFigure(Guid id, KeyFigureInput input, KeyFigureChanges changes, StabsrumDbContext db, CancellationToken ct) =>
        await changes.UpdateAsync(id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.Ok((await GoalsApi.LoadKeyFigureAsync(id, db, ct))!),
        };

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> DeleteKeyFigure(Guid id, KeyFigureChanges changes, CancellationToken ct) =>
        Result(await changes.DeleteAsync(id, ct));

    private static Results<NoContent, NotFound, Conflict<ProblemDetails>> Result(DeleteOutcome outcome) => outcome switch
    {
        { Found: false } => TypedResults.NotFound(),
        { Refusal: { } message } => TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Kan ikke slettes", Detail = message }),
        _ => TypedResults.NoContent(),
    };
}
