using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Tasks;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.ResourceRequests;

public static class ResourceRequestsApi
{
    public static void MapResourceRequestsApi(this IEndpointRouteBuilder app)
    {
        var incident = app.MapApiGroup("/incidents/{id:guid}", "Anmodninger om bistand");
        incident.MapGet("/resource-requests", List).RequireAuthorization(Policies.Read);
        incident.MapPost("/resource-requests", Create).RequireAuthorization(Policies.OperateIncidents);
        incident.MapGet("/resource-overview", Overview).RequireAuthorization(Policies.Read);

        var requests = app.MapApiGroup("/resource-requests", "Anmodninger om bistand");
        requests.MapGet("/{requestId:guid}", Get).RequireAuthorization(Policies.Read);
        requests.MapPost("/{requestId:guid}/steps", Step).RequireAuthorization(Policies.OperateIncidents);
    }

    private static async Task<Results<Ok<List<RequestDto>>, NotFound>> List(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        await db.Incidents.AnyAsync(i => i.Id == id, ct) ? TypedResults.Ok(await ResourceRequestQueries.ForIncidentAsync(db, id, ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ResourceOverviewDto>, NotFound>> Overview(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        await db.Incidents.AnyAsync(i => i.Id == id, ct) ? TypedResults.Ok(await ResourceRequestQueries.OverviewAsync(db, id, ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<RequestDto>, NotFound>> Get(Guid requestId, StabsrumDbContext db, CancellationToken ct) =>
        await ResourceRequestQueries.OneAsync(db, requestId, ct) is { } request ? TypedResults.Ok(request) : TypedResults.NotFound();

    private static async Task<IResult> Create(Guid id, RequestInput input, ResourceRequestChanges changes, StabsrumDbContext db, CancellationToken ct)
    {
        var result = await changes.CreateAsync(id, input, ct);
        return result.Outcome == TaskOutcome.Created
            ? TypedResults.Created($"/api/v1/resource-requests/{result.Request!.Id}", await ResourceRequestQueries.OneAsync(db, result.Request.Id, ct))
            : await Answer(result, db, ct);
    }

    private static async Task<IResult> Step(Guid requestId, RequestStepInput input, ResourceRequestChanges changes, StabsrumDbContext db, CancellationToken ct) =>
        await Answer(await changes.StepAsync(requestId, input, ct), db, ct);

    private static async Task<IResult> Answer(RequestResult result, StabsrumDbContext db, CancellationToken ct) => result.Outcome switch
    {
        TaskOutcome.Created or TaskOutcome.AlreadyStored or TaskOutcome.Changed => TypedResults.Ok(await ResourceRequestQueries.OneAsync(db, result.Request!.Id, ct)),
        TaskOutcome.NotFound => TypedResults.NotFound(),
        TaskOutcome.Conflict => TypedResults.Problem(result.Conflict, statusCode: StatusCodes.Status409Conflict, title: "Konflikt"),
        _ => result.Errors.Problem(),
    };
}
