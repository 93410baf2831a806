using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Meetings;

/// <summary>Bodies, meetings and agendas under /api/v1. Reads need Read; writes OperateIncidents (and agenda ownership where the seed says so).</summary>
public static class MeetingsApi
{
    public static void MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapApiGroup("/meeting-bodies", "Møder");
        bodies.MapGet("/", async (MeetingQueries q, CancellationToken ct) => TypedResults.Ok(await q.BodiesAsync(ct))).RequireAuthorization(Policies.Read);
        bodies.MapGet("/{id:guid}", async (Guid id, MeetingQueries q, CancellationToken ct) => await q.BodyAsync(id, ct) is { } b ? Results.Ok(b) : Results.NotFound()).RequireAuthorization(Policies.Read);
        bodies.MapPost("/", CreateBody).RequireAuthorization(Policies.OperateIncidents);
        bodies.MapPut("/{id:guid}", UpdateBody).RequireAuthorization(Policies.OperateIncidents);

        var meetings = app.MapApiGroup("/meetings", "Møder");
        meetings.MapGet("/", async (Guid? bodyId, Guid? incidentId, MeetingQueries q, CancellationToken ct) => TypedResults.Ok(await q.MeetingsAsync(bodyId, incidentId, ct))).RequireAuthorization(Policies.Read);
        meetings.MapPost("/", CreateMeeting).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapGet("/{id:guid}", async (Guid id, MeetingQueries q, CancellationToken ct) => await q.MeetingAsync(id, ct) is { } m ? Results.Ok(m) : Results.NotFound()).RequireAuthorization(Policies.Read);
        meetings.MapPost("/{id:guid}/items", async (Guid id, ItemInput input, AgendaChanges changes, CancellationToken ct) =>
            (await changes.ProposeAsync(id, input, ct)).ToResult(i => TypedResults.Created($"/api/v1/meetings/{id}", new { i.Id, Status = i.Status.ToString(), i.Number }))).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPut("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, ItemInput input, AgendaChanges changes, CancellationToken ct) =>
            (await changes.UpdateItemAsync(id, itemId, input, ct)).ToResult(i => TypedResults.Ok(new { i.Id, Status = i.Status.ToString(), i.Number }))).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/items/{itemId:guid}/accept", async (Guid id, Guid itemId, AgendaChanges changes, CancellationToken ct) =>
            (await changes.DecideProposalAsync(id, itemId, true, ct)).ToResult(i => TypedResults.Ok(new { i.Id, Status = i.Status.ToString(), i.Number }))).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/items/{itemId:guid}/reject", async (Guid id, Guid itemId, AgendaChanges changes, CancellationToken ct) =>
            (await changes.DecideProposalAsync(id, itemId, false, ct)).ToResult(i => TypedResults.Ok(new { i.Id, Status = i.Status.ToString(), i.Number }))).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/items/order", async (Guid id, OrderInput input, AgendaChanges changes, CancellationToken ct) =>
            (await changes.OrderAsync(id, input, ct)).ToResult(items => TypedResults.Ok(items.Select(i => new { i.Id, i.Number })))).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/items/{itemId:guid}/attachments", Attach).RequireAuthorization(Policies.OperateIncidents).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(AgendaAttachment.MaxBytes + (1024 * 1024)));
        meetings.MapGet("/{id:guid}/items/{itemId:guid}/attachments/{attachmentId:guid}", DownloadAsync).RequireAuthorization(Policies.Read);
        meetings.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapGet("/{id:guid}/invitation.ics", InvitationAsync).RequireAuthorization(Policies.Read);
        app.MapMeetingModeApi();
    }

    private static async Task<IResult> CreateBody(BodyInput input, BodyChanges changes, MeetingQueries q, CancellationToken ct)
    {
        var result = await changes.CreateAsync(input, ct);
        var dto = result.Value is { } b ? await q.BodyAsync(b.Id, ct) : null;
        return result.ToResult(b => TypedResults.Created($"/api/v1/meeting-bodies/{b.Id}", dto));
    }

    private static async Task<IResult> UpdateBody(Guid id, BodyInput input, BodyChanges changes, MeetingQueries q, CancellationToken ct)
    {
        var result = await changes.UpdateAsync(id, input, ct);
        var dto = result.Value is { } b ? await q.BodyAsync(b.Id, ct) : null;
        return result.ToResult(_ => TypedResults.Ok(dto));
    }

    private static async Task<IResult> CreateMeeting(MeetingInput input, AgendaChanges changes, CancellationToken ct) =>
        (await changes.CreateMeetingAsync(input, ct)).ToResult(m => TypedResults.Created($"/api/v1/meetings/{m.Id}", new { m.Id, m.Title, Status = m.Status.ToString() }));

    private static async Task<IResult> Attach(Guid id, Guid itemId, HttpRequest request, AgendaChanges changes, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Bilag sendes som multipart/form-data med feltet 'file'.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await request.ReadFormAsync(ct);
        return (await changes.AttachAsync(id, itemId, form.Files.GetFile("file"), ct))
            .ToResult(a => TypedResults.Created($"/api/v1/meetings/{id}/items/{itemId}/attachments/{a.Id}", new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256)));
    }

    internal static async Task<IResult> DownloadAsync(Guid id, Guid itemId, Guid attachmentId, StabsrumDbContext db, CancellationToken ct)
    {
        var file = await (from a in db.AgendaAttachments.AsNoTracking()
                          join i in db.AgendaItems.AsNoTracking() on a.ItemId equals i.Id
                          where a.Id == attachmentId && a.ItemId == itemId && i.MeetingId == id
                          select a).SingleOrDefaultAsync(ct);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, "application/octet-stream", file.FileName);
    }

    private static async Task<IResult> Publish(Guid id, AgendaChanges changes, MeetingCirculation circulation, CancellationToken ct)
    {
        var result = await changes.PublishAsync(id, ct);
        if (result.Outcome != MeetingOutcome.Ok)
        {
            return result.ToResult(_ => TypedResults.Ok());
        }

        var (meeting, version, doc) = result.Value;
        var report = await circulation.SendAgendaAsync(meeting, doc, ct);
        return TypedResults.Ok(new PublishDto(version.Version, version.IsSupplement, version.Changes, report));
    }

    private static async Task<IResult> Cancel(Guid id, CancelInput input, AgendaChanges changes, MeetingCirculation circulation, StabsrumDbContext db, CancellationToken ct)
    {
        var result = await changes.CancelAsync(id, input, ct);
        if (result.Outcome != MeetingOutcome.Ok)
        {
            return result.ToResult(_ => TypedResults.Ok());
        }

        var meeting = result.Value!;
        var body = await db.MeetingBodies.AsNoTracking().Where(b => b.Id == meeting.BodyId).Select(b => b.Name).SingleAsync(ct);
        var report = await circulation.SendCancellationAsync(meeting, body, ct);
        return TypedResults.Ok(new { Status = meeting.Status.ToString(), meeting.CancelReason, Circulation = report });
    }

    internal static async Task<IResult> InvitationAsync(Guid id, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var body = await db.MeetingBodies.AsNoTracking().Where(b => b.Id == meeting.BodyId).Select(b => b.Name).SingleAsync(ct);
        var people = await db.BodyPeople.AsNoTracking().Where(p => p.BodyId == meeting.BodyId && p.IsMember).OrderBy(p => p.SortOrder).ToListAsync(ct);
        var ics = MeetingInvitation.Write(meeting, body, body, people, time.GetUtcNow(), null);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), MeetingInvitation.ContentType, "invitation.ics");
    }
}
