using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.CrisisLog;

public static class StaffApi
{
    public sealed record RoleInput(string? RoleName);

    public sealed record RoleHolderDto(string Name, string RoleName, DateTimeOffset AssumedAt, DateTimeOffset? RenouncedAt);

    public static void MapStaffApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapApiGroup("/incidents/{id:guid}/staff", "Krisestab");
        staff.MapGet("/", List).RequireAuthorization(Policies.Read);
        staff.MapPost("/", Join).RequireAuthorization(Policies.OperateIncidents);
        staff.MapDelete("/{memberId:guid}", Leave).RequireAuthorization(Policies.OperateIncidents);
        staff.MapPost("/{memberId:guid}/roles", AssumeRole).RequireAuthorization(Policies.OperateIncidents);
        staff.MapDelete("/roles/{assignmentId:guid}", RenounceRole).RequireAuthorization(Policies.OperateIncidents);
        staff.MapGet("/roles", HoldersAt).RequireAuthorization(Policies.Read);
    }

    private static async Task<Results<Ok<List<StaffMemberDto>>, NotFound>> List(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        await db.Incidents.AnyAsync(i => i.Id == id, ct) ? TypedResults.Ok(await LogEntryView.StaffAsync(db, id, ct)) : TypedResults.NotFound();

    private static async Task<IResult> Join(Guid id, StaffJoinInput input, StaffChanges staff, CancellationToken ct) =>
        await IncidentsApi.ChangeAnswer(id, await staff.JoinAsync(id, input, ct));

    private static async Task<IResult> Leave(Guid id, Guid memberId, StaffChanges staff, CancellationToken ct) =>
        await IncidentsApi.ChangeAnswer(id, await staff.LeaveAsync(id, memberId, ct));

    private static async Task<IResult> AssumeRole(Guid id, Guid memberId, RoleInput input, StaffChanges staff, CancellationToken ct) =>
        await IncidentsApi.ChangeAnswer(id, await staff.AssumeRoleAsync(id, memberId, input.RoleName, ct));

    private static async Task<IResult> RenounceRole(Guid id, Guid assignmentId, StaffChanges staff, CancellationToken ct) =>
        await IncidentsApi.ChangeAnswer(id, await staff.RenounceRoleAsync(id, assignmentId, ct));

    /// <summary>"Who was logfører at 02:10?": <c>?at=2026-12-03T01:10:00Z&amp;role=Logfører</c>; without <c>at</c>, now.</summary>
    private static async Task<Results<Ok<List<RoleHolderDto>>, NotFound>> HoldersAt(Guid id, DateTimeOffset? at, string? role, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var holders = await StaffChanges.HoldersAtAsync(db, id, at ?? time.GetUtcNow(), role, ct);
        return TypedResults.Ok(holders.Select(h => new RoleHolderDto(h.Name, h.RoleName, h.AssumedAt, h.RenouncedAt)).ToList());
    }
}
