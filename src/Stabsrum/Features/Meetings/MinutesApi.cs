using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Time;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Meetings;

/// <summary>Meeting mode (attendance, status round, notes, decisions), the minutes' approval path, and the documents.</summary>
public static class MinutesApi
{
    public static void MapMeetingModeApi(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapApiGroup("/meetings", "Møder");
        meetings.MapPut("/{id:guid}/attendance", async (Guid id, AttendanceInput input, MeetingModeChanges changes, CancellationToken ct) =>
            (await changes.SetAttendanceAsync(id, input, ct)).ToResult(_ => TypedResults.NoContent())).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPut("/{id:guid}/status-round", async (Guid id, StatusRoundInput input, MeetingModeChanges changes, CancellationToken ct) =>
            (await changes.SetStatusRoundAsync(id, input, ct)).ToResult(_ => TypedResults.NoContent())).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPut("/{id:guid}/items/{itemId:guid}/notes", async (Guid id, Guid itemId, NotesInput input, MeetingModeChanges changes, CancellationToken ct) =>
            (await changes.SetNotesAsync(id, itemId, input, ct)).ToResult(_ => TypedResults.NoContent())).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/items/{itemId:guid}/decision", Decide).RequireAuthorization(Policies.OperateIncidents);

        meetings.MapPost("/{id:guid}/minutes/send-for-approval", async (Guid id, MinutesChanges changes, MeetingQueries q, CancellationToken ct) =>
            await MinutesResult(id, await changes.SendForApprovalAsync(id, ct), q, ct)).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/minutes/approve", async (Guid id, ApprovalInput input, MinutesChanges changes, MeetingQueries q, CancellationToken ct) =>
            await MinutesResult(id, await changes.AnswerAsync(id, true, input, ct), q, ct)).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/minutes/comment", async (Guid id, ApprovalInput input, MinutesChanges changes, MeetingQueries q, CancellationToken ct) =>
            await MinutesResult(id, await changes.AnswerAsync(id, false, input, ct), q, ct)).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/minutes/distribute", Distribute).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/minutes/file", async (Guid id, FileInput input, MinutesChanges changes, MeetingQueries q, CancellationToken ct) =>
            await MinutesResult(id, await changes.FileAsync(id, input, ct), q, ct)).RequireAuthorization(Policies.OperateIncidents);
        meetings.MapPost("/{id:guid}/minutes/corrections", async (Guid id, CorrectionInput input, MinutesChanges changes, MeetingQueries q, CancellationToken ct) =>
            await MinutesResult(id, await changes.CorrectAsync(id, input, ct), q, ct)).RequireAuthorization(Policies.OperateIncidents);

        meetings.MapGet("/{id:guid}/agenda.docx", async (Guid id, int? version, MeetingDocuments documents, CancellationToken ct) =>
            await documents.AgendaAsync(id, version, ct) is { } doc ? (IResult)Docx(doc) : TypedResults.NotFound()).RequireAuthorization(Policies.Read);
        meetings.MapGet("/{id:guid}/agenda.pdf", async (Guid id, int? version, MeetingDocuments documents, IPdfRenderer pdf, IWebHostEnvironment env, TimeProvider time, CancellationToken ct) =>
            await documents.AgendaAsync(id, version, ct) is { } doc ? await PdfAsync(doc, pdf, env, time, ct) : TypedResults.NotFound()).RequireAuthorization(Policies.Read);
        meetings.MapGet("/{id:guid}/minutes.docx", async (Guid id, int? version, StabsrumDbContext db, MeetingDocuments documents, CancellationToken ct) =>
            await MinutesDocumentAsync(id, version, db, documents, ct) is { } doc ? (IResult)Docx(doc) : TypedResults.NotFound()).RequireAuthorization(Policies.Read);
        meetings.MapGet("/{id:guid}/minutes.pdf", async (Guid id, int? version, StabsrumDbContext db, MeetingDocuments documents, IPdfRenderer pdf, IWebHostEnvironment env, TimeProvider time, CancellationToken ct) =>
            await MinutesDocumentAsync(id, version, db, documents, ct) is { } doc ? await PdfAsync(doc, pdf, env, time, ct) : TypedResults.NotFound()).RequireAuthorization(Policies.Read);

        // Print views for people (the same HTML the PDFs are made of; add ?format=pdf).
        app.MapGet("/moeder/{meetingId:guid}/dagsorden/udskrift", async (Guid meetingId, MeetingDocuments documents, CancellationToken ct) =>
            await documents.AgendaAsync(meetingId, null, ct) is { } doc ? Results.Content(MeetingHtml.Write(doc), "text/html; charset=utf-8") : Results.NotFound())
            .RequireAuthorization(Policies.Read).WithMetadata(new PrintViewAttribute("dagsorden"));
        app.MapGet("/moeder/{meetingId:guid}/referat/udskrift", async (Guid meetingId, StabsrumDbContext db, MeetingDocuments documents, CancellationToken ct) =>
            await MinutesDocumentAsync(meetingId, null, db, documents, ct) is { } doc ? Results.Content(MeetingHtml.Write(doc), "text/html; charset=utf-8") : Results.NotFound())
            .RequireAuthorization(Policies.Read).WithMetadata(new PrintViewAttribute("referat"));

        // Downloads for people signed in with the cookie (the /api routes accept only tokens).
        app.MapGet("/moeder/{meetingId:guid}/dagsorden.docx", async (Guid meetingId, int? version, MeetingDocuments documents, CancellationToken ct) =>
            await documents.AgendaAsync(meetingId, version, ct) is { } doc ? (IResult)Docx(doc) : TypedResults.NotFound()).RequireAuthorization(Policies.Read);
        app.MapGet("/moeder/{meetingId:guid}/referat.docx", async (Guid meetingId, StabsrumDbContext db, MeetingDocuments documents, CancellationToken ct) =>
            await MinutesDocumentAsync(meetingId, null, db, documents, ct) is { } doc ? (IResult)Docx(doc) : TypedResults.NotFound()).RequireAuthorization(Policies.Read);
        app.MapGet("/moeder/{meetingId:guid}/invitation.ics", (Guid meetingId, StabsrumDbContext db, TimeProvider time, CancellationToken ct) =>
            MeetingsApi.InvitationAsync(meetingId, db, time, ct)).RequireAuthorization(Policies.Read);
        app.MapGet("/moeder/{meetingId:guid}/punkter/{itemId:guid}/bilag/{attachmentId:guid}", (Guid meetingId, Guid itemId, Guid attachmentId, StabsrumDbContext db, CancellationToken ct) =>
            MeetingsApi.DownloadAsync(meetingId, itemId, attachmentId, db, ct)).RequireAuthorization(Policies.Read);
    }

    private static async Task<IResult> Decide(Guid id, Guid itemId, DecisionInput input, MeetingModeChanges changes, MeetingQueries q, CancellationToken ct)
    {
        var result = await changes.DecideAsync(id, itemId, input, ct);
        var meeting = result.Outcome == MeetingOutcome.Ok ? await q.MeetingAsync(id, ct) : null;
        return result.ToResult(i => TypedResults.Ok(meeting!.Items.Single(x => x.Id == i.Id)));
    }

    private static async Task<IResult> Distribute(Guid id, MinutesChanges changes, MeetingDocuments documents, MeetingCirculation circulation, StabsrumDbContext db, MeetingQueries q, CancellationToken ct)
    {
        var wasApproved = (await changes.LatestAsync(id, ct))?.Status == MinutesStatus.Godkendt;
        var result = await changes.MarkDistributedAsync(id, ct);
        if (result.Outcome != MeetingOutcome.Ok || !wasApproved)
        {
            return await MinutesResult(id, result, q, ct);
        }

        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        var report = await circulation.SendMinutesAsync(meeting, (await documents.MinutesAsync(result.Value!, ct))!, ct);
        var dto = await q.MeetingAsync(id, ct);
        return TypedResults.Ok(new { Minutes = dto!.Minutes[^1], Circulation = report });
    }

    private static async Task<IResult> MinutesResult(Guid id, MeetingResult<Minutes> result, MeetingQueries q, CancellationToken ct)
    {
        var dto = result.Outcome == MeetingOutcome.Ok ? await q.MeetingAsync(id, ct) : null;
        return result.ToResult(m => TypedResults.Ok(dto!.Minutes.Single(x => x.Id == m.Id)));
    }

    internal static async Task<MeetingDocumentModel?> MinutesDocumentAsync(Guid meetingId, int? version, StabsrumDbContext db, MeetingDocuments documents, CancellationToken ct)
    {
        var query = db.Minutes.AsNoTracking().Where(m => m.MeetingId == meetingId);
        var minutes = version is { } v ? await query.SingleOrDefaultAsync(m => m.Version == v, ct) : await query.OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        if (minutes is not null)
        {
            return await documents.MinutesAsync(minutes, ct);
        }

        return version is null ? await documents.BuildAsync(meetingId, true, ct) : null;
    }

    private static FileContentHttpResult Docx(MeetingDocumentModel doc) =>
        TypedResults.File(MeetingDocx.Write(doc), MeetingDocx.ContentType, MeetingCirculation.FileStem(doc) + ".docx");

    private static async Task<IResult> PdfAsync(MeetingDocumentModel doc, IPdfRenderer pdf, IWebHostEnvironment env, TimeProvider time, CancellationToken ct)
    {
        try
        {
            var html = PrintView.InlineStylesheets(MeetingHtml.Write(doc), env.WebRootFileProvider, DanishTime.Format(time.GetUtcNow()));
            return TypedResults.File(await pdf.RenderAsync(html, ct), "application/pdf", MeetingCirculation.FileStem(doc) + ".pdf");
        }
        catch (PdfUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
