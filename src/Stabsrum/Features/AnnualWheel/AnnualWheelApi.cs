using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.AnnualWheel;

public sealed record ObligationDto(
    Guid Id, string Title, ObligationKind Kind, string KindName, string Owner, DateOnly DueOn, string State, int DaysLeft,
    Recurrence Recurrence, int IntervalYears, string RecurrenceName, string? Notes, int? ReminderDaysBefore, string? ReminderEmail,
    Guid? SourcePlanId, DateOnly? LastCompletedOn, IReadOnlyList<DateOnly> Occurrences);

public static class AnnualWheelApi
{
    public static void MapAnnualWheelApi(this IEndpointRouteBuilder app)
    {
        var wheel = app.MapApiGroup("/annual-wheel/obligations", "Årshjul");
        wheel.MapGet("/", List).RequireAuthorization(Policies.Read);
        wheel.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Read);
        wheel.MapPost("/", Create).RequireAuthorization(Policies.MaintainRegistry);
        wheel.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.MaintainRegistry);
        wheel.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.MaintainRegistry);
        wheel.MapPost("/{id:guid}/complete", Complete).RequireAuthorization(Policies.MaintainRegistry);
    }

    /// <summary>All obligations by due date; with <paramref name="year"/>, only those due in that year, each with its dates there.</summary>
    private static async Task<Ok<List<ObligationDto>>> List(int? year, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = time.Today();
        var all = await db.Obligations.AsNoTracking().OrderBy(o => o.DueOn).ThenBy(o => o.Title).ToListAsync(ct);
        if (year is { } y and >= 2000 and <= 2100)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            return TypedResults.Ok(all.Select(o => ToDto(o, today, o.Occurrences(from, to).ToList())).Where(d => d.Occurrences.Count > 0).ToList());
        }

        return TypedResults.Ok(all.Select(o => ToDto(o, today, [o.DueOn])).ToList());
    }

    private static async Task<Results<Ok<ObligationDto>, NotFound>> Get(Guid id, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var o = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        return o is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(o, time.Today(), [o.DueOn]));
    }

    private static async Task<Results<Created<ObligationDto>, Ok<ObligationDto>, Conflict<ProblemDetails>, ValidationProblem>> Create(ObligationInput input, ObligationChanges changes, TimeProvider time, CancellationToken ct)
    {
        var (o, outcome, errors) = await changes.CreateAsync(input, ct);
        return outcome switch
        {
            ObligationOutcome.Saved => TypedResults.Created($"/api/v1/annual-wheel/obligations/{o!.Id}", ToDto(o, time.Today(), [o.DueOn])),
            ObligationOutcome.AlreadyExists => TypedResults.Ok(ToDto(o!, time.Today(), [o!.DueOn])),
            ObligationOutcome.Conflict => TypedResults.Conflict(new ProblemDetails { Status = 409, Detail = "Id'et er allerede brugt." }),
            _ => errors.Problem(),
        };
    }

    private static async Task<Results<Ok<ObligationDto>, NotFound, Conflict<ProblemDetails>, ValidationProblem>> Update(Guid id, ObligationInput input, ObligationChanges changes, TimeProvider time, CancellationToken ct) =>
        Answer(await changes.UpdateAsync(id, input, ct), time);

    private static async Task<Results<Ok<ObligationDto>, NotFound, Conflict<ProblemDetails>, ValidationProblem>> Complete(Guid id, CompleteInput input, ObligationChanges changes, TimeProvider time, CancellationToken ct) =>
        Answer(await changes.CompleteAsync(id, input, ct), time);

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> Delete(Guid id, ObligationChanges changes, CancellationToken ct) =>
        await changes.DeleteAsync(id, ct) switch
        {
            ObligationOutcome.NotFound => TypedResults.NotFound(),
            ObligationOutcome.Generated => GeneratedConflict(),
            _ => TypedResults.NoContent(),
        };

    private static Results<Ok<ObligationDto>, NotFound, Conflict<ProblemDetails>, ValidationProblem> Answer((Obligation? Obligation, ObligationOutcome Outcome, ValidationErrors Errors) result, TimeProvider time) =>
        result.Outcome switch
        {
            ObligationOutcome.NotFound => TypedResults.NotFound(),
            ObligationOutcome.Generated => GeneratedConflict(),
            ObligationOutcome.Invalid => result.Errors.Problem(),
            _ => TypedResults.Ok(ToDto(result.Obligation!, time.Today(), [result.Obligation!.DueOn])),
        };

    private static Conflict<ProblemDetails> GeneratedConflict() =>
        TypedResults.Conflict(new ProblemDetails { Status = 409, Detail = ObligationChanges.GeneratedMessage });

    public static ObligationDto ToDto(Obligation o, DateOnly today, IReadOnlyList<DateOnly> occurrences)
    {
        var duty = o.Duty(today);
        return new ObligationDto(
            o.Id, o.Title, o.Kind, o.Kind.DanishName(), o.Owner, o.DueOn, o.IsDone ? "Done" : duty.State.ToString(), duty.DaysLeft, o.Recurrence, o.IntervalYears,
            o.Recurrence.DanishName(o.IntervalYears), o.Notes, o.ReminderDaysBefore, o.ReminderEmail, o.SourcePlanId, o.LastCompletedOn, occurrences);
    }
}
