using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Tasks;

public static class TasksApi
{
    public static void MapTasksApi(this IEndpointRouteBuilder app)
    {
        var incident = app.MapApiGroup("/incidents/{id:guid}/tasks", "Opgaver");
        incident.MapGet("/", List).RequireAuthorization(Policies.Read);
        incident.MapPost("/", Create).RequireAuthorization(Policies.OperateIncidents);

        var cards = app.MapApiGroup("/incidents/{id:guid}/action-cards", "Opgaver");
        cards.MapGet("/", Activations).RequireAuthorization(Policies.Read);
        cards.MapPost("/", Activate).RequireAuthorization(Policies.OperateIncidents);

        var tasks = app.MapApiGroup("/tasks", "Opgaver");
        tasks.MapGet("/mine", Mine).RequireAuthorization(Policies.Read);
        tasks.MapGet("/{taskId:guid}", Get).RequireAuthorization(Policies.Read);
        tasks.MapPost("/{taskId:guid}/transitions", Transition).RequireAuthorization(Policies.OperateIncidents);
    }

    /// <summary><c>?status=IGang</c>, <c>?aabne=true</c> (not finished), <c>?overskredne=true</c>, <c>?ansvarlig=…</c>.</summary>
    private static async Task<Results<Ok<List<TaskDto>>, NotFound>> List(
        Guid id, StaffTaskStatus? status, bool? aabne, bool? overskredne, string? ansvarlig, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await TaskQueries.ForIncidentAsync(db, id, new TaskFilter(status, aabne ?? false, overskredne ?? false, ansvarlig), time.GetUtcNow(), ct));
    }

    private static async Task<Results<Ok<List<TaskDto>>, ForbidHttpResult>> Mine(bool? afsluttede, StabsrumDbContext db, CurrentOrganisation current, TimeProvider time, CancellationToken ct) =>
        current.UserId is { } userId
            ? TypedResults.Ok(await TaskQueries.MineAsync(db, userId, afsluttede ?? false, time.GetUtcNow(), ct))
            : TypedResults.Forbid();

    private static async Task<Results<Ok<TaskDetailsDto>, NotFound>> Get(Guid taskId, StabsrumDbContext db, TimeProvider time, CancellationToken ct) =>
        await TaskQueries.DetailsAsync(db, taskId, time.GetUtcNow(), ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();

    private static async Task<IResult> Create(Guid id, TaskInput input, TaskChanges changes, TimeProvider time, CancellationToken ct)
    {
        var result = await changes.CreateAsync(id, input, ct);
        return result.Outcome switch
        {
            TaskOutcome.Created => TypedResults.Created($"/api/v1/tasks/{result.Task!.Id}", TaskDto.From(result.Task, time.GetUtcNow())),
            _ => Answer(result, time),
        };
    }

    private static async Task<IResult> Transition(Guid taskId, TaskTransitionInput input, TaskChanges changes, TimeProvider time, CancellationToken ct) =>
        Answer(await changes.TransitionAsync(taskId, input, ct), time);

    private static async Task<Results<Ok<List<ActivationDto>>, NotFound>> Activations(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        await db.Incidents.AnyAsync(i => i.Id == id, ct) ? TypedResults.Ok(await ActionCardActivations.ForIncidentAsync(db, id, ct)) : TypedResults.NotFound();

    private static async Task<IResult> Activate(Guid id, ActivationInput input, ActionCardActivations activations, CancellationToken ct)
    {
        var result = await activations.ActivateAsync(id, input, ct);
        return result.Outcome switch
        {
            TaskOutcome.Created => TypedResults.Created($"/api/v1/incidents/{id}/action-cards", result.Activation),
            TaskOutcome.AlreadyStored => TypedResults.Ok(result.Activation),
            TaskOutcome.NotFound => TypedResults.NotFound(),
            TaskOutcome.Conflict => TypedResults.Problem(result.Conflict, statusCode: StatusCodes.Status409Conflict, title: "Konflikt"),
            _ => result.Errors.Problem(),
        };
    }

    private static IResult Answer(TaskResult result, TimeProvider time) => result.Outcome switch
    {
        TaskOutcome.Created or TaskOutcome.AlreadyStored or TaskOutcome.Changed => TypedResults.Ok(TaskDto.From(result.Task!, time.GetUtcNow())),
        TaskOutcome.NotFound => TypedResults.NotFound(),
        TaskOutcome.Conflict => TypedResults.Problem(result.Conflict, statusCode: StatusCodes.Status409Conflict, title: "Konflikt"),
        _ => result.Errors.Problem(),
    };
}
