using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.CrisisLog;

public static class LogApi
{
    public sealed record LogEntryInput(
        Guid? Id, LogEntryKind? Kind, string? Text, DateTimeOffset? OccurredAt, bool Significant, LogClassification? Classification,
        string? DecidedBy, string? Rationale, string? Recipient, Guid? CorrectsEntryId, string? HandoverOpen, string? HandoverWatch);

    public sealed record AcknowledgeInput(Guid? EntryId);

    public sealed record LogQuery(LogEntryKind? Kind, bool? Significant, string? Author, string? Q, int? Limit);

    public static void MapLogApi(this IEndpointRouteBuilder app)
    {
        var log = app.MapApiGroup("/incidents/{id:guid}/log", "Kriselog");
        log.MapGet("/", List).RequireAuthorization(Policies.Read);
        log.MapPost("/", Append).RequireAuthorization(Policies.OperateIncidents);
        log.MapGet("/verify", Verify).RequireAuthorization(Policies.Read);
        log.MapPost("/{entryId:guid}/acknowledge", Acknowledge).RequireAuthorization(Policies.OperateIncidents);
        log.MapPost("/{entryId:guid}/attachments", Attach).RequireAuthorization(Policies.OperateIncidents).DisableAntiforgery();
        log.MapGet("/{entryId:guid}/attachments/{attachmentId:guid}", Download).RequireAuthorization(Policies.Read);
        app.MapGet("/haendelser/{id:guid}/poster/{entryId:guid}/bilag/{attachmentId:guid}", Download).RequireAuthorization(Policies.Read).ExcludeFromDescription();
    }

    public static NewLogEntry ToNewEntry(LogEntryInput input)
    {
        var kind = input.Kind ?? LogEntryKind.Information;
        return new NewLogEntry(
            input.Id ?? Guid.Empty, kind, input.Text, input.OccurredAt, input.Significant, input.Classification ?? LogClassification.Aaben,
            input.DecidedBy, input.Rationale, input.Recipient, input.CorrectsEntryId, null, input.HandoverOpen, input.HandoverWatch,
            kind == LogEntryKind.Vagtskifte ? LogSubject.Handover : LogSubject.None);
    }

    private static async Task<Results<Ok<List<LogEntryDto>>, NotFound>> List(Guid id, [AsParameters] LogQuery query, StabsrumDbContext db, CrisisLog log, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var cleared = await log.HasClearanceAsync(ct);
        var entries = await LogSearch.Query(db, id, cleared, query.Kind, query.Significant, query.Author, query.Q)
            .OrderByDescending(e => e.Sequence).Take(Math.Clamp(query.Limit ?? 500, 1, 5000)).ToListAsync(ct);
        return TypedResults.Ok(await LogEntryView.ToDtosAsync(db, entries, cleared, ct));
    }

    private static async Task<IResult> Append(Guid id, LogEntryInput input, CrisisLog log, LogAppendQueue queue, CurrentOrganisation current, StabsrumDbContext db, CancellationToken ct)
    {
        // Many writers to one incident at once are written in one turn of its lock (group commit); the answer comes
        // after the commit either way.
        var result = await queue.AppendAsync(current.RequireOrganisationId(), id, new LogSubmission(ToNewEntry(input), await log.AuthorAsync(ct)));
        switch (result.Outcome)
        {
            case AppendOutcome.Created:
            case AppendOutcome.AlreadyStored:
                // A new entry has no corrections or attachments yet: no need to ask the database.
                var dto = result.Outcome == AppendOutcome.Created
                    ? LogEntryView.ToDto(result.Entry!, cleared: true, [], [])
                    : (await LogEntryView.ToDtosAsync(db, [result.Entry!], cleared: true, ct))[0];
                var location = $"/api/v1/incidents/{id}/log/{dto.Id}";
                return result.Outcome == AppendOutcome.Created ? TypedResults.Created(location, dto) : TypedResults.Ok(dto);
            case AppendOutcome.NotFound:
                return TypedResults.NotFound();
            case AppendOutcome.Conflict:
                return TypedResults.Problem("Der findes allerede en post med dette id, men med andet indhold. Brug et nyt id til en ny post.", statusCode: StatusCodes.Status409Conflict);
            default:
                return result.Errors.Problem();
        }
    }

    private static async Task<Results<Ok<ChainVerification>, NotFound>> Verify(Guid id, StabsrumDbContext db, CancellationToken ct)
    {
        var verification = await LogVerification.VerifyAsync(db, id, ct);
        return verification is null ? TypedResults.NotFound() : TypedResults.Ok(verification);
    }

    private static async Task<IResult> Acknowledge(Guid id, Guid entryId, AcknowledgeInput input, StaffChanges staff, StabsrumDbContext db, CancellationToken ct)
    {
        var result = await staff.AcknowledgeHandoverAsync(id, entryId, input.EntryId, ct);
        return result.Outcome switch
        {
            AppendOutcome.Created => TypedResults.Created($"/api/v1/incidents/{id}/log/{result.Entry!.Id}", (await LogEntryView.ToDtosAsync(db, [result.Entry], true, ct))[0]),
            AppendOutcome.AlreadyStored => TypedResults.Ok((await LogEntryView.ToDtosAsync(db, [result.Entry!], true, ct))[0]),
            AppendOutcome.NotFound => TypedResults.NotFound(),
            AppendOutcome.Conflict => TypedResults.Problem(string.Join(" ", result.Errors.ToDictionary().Values.SelectMany(v => v)), statusCode: StatusCodes.Status409Conflict),
            _ => result.Errors.Problem(),
        };
    }

    private static async Task<IResult> Attach(Guid id, Guid entryId, HttpRequest request, LogAttachments attachments, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Bilag sendes som multipart/form-data med feltet 'file'.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await request.ReadFormAsync(ct);
        var (attachment, errors, found) = await attachments.AddAsync(id, entryId, form.Files.GetFile("file"), ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }

        return attachment is null
            ? errors.Problem()
            : TypedResults.Created($"/api/v1/incidents/{id}/log/{entryId}/attachments/{attachment.Id}", new AttachmentDto(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256));
    }

    private static async Task<IResult> Download(Guid id, Guid entryId, Guid attachmentId, StabsrumDbContext db, CrisisLog log, CancellationToken ct)
    {
        var entry = await db.CrisisLogEntries.AsNoTracking().Where(e => e.Id == entryId && e.IncidentId == id).Select(e => new { e.Classification }).SingleOrDefaultAsync(ct);
        if (entry is null || (entry.Classification == LogClassification.Fortrolig && !await log.HasClearanceAsync(ct)))
        {
            return TypedResults.NotFound();
        }

        var file = await db.CrisisLogAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.EntryId == entryId, ct);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}

/// <summary>Filtering and search over a log. Text is only searched in entries the reader may see, so a search can't reveal a fortrolig entry.</summary>
public static class LogSearch
{
    public static IQueryable<CrisisLogEntry> Query(StabsrumDbContext db, Guid incidentId, bool cleared, LogEntryKind? kind, bool? significant, string? author, string? q)
    {
        var query = db.CrisisLogEntries.AsNoTracking().Where(e => e.IncidentId == incidentId);
        if (kind is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }

        if (significant == true)
        {
            query = query.Where(e => e.Significant);
        }

        if (!string.IsNullOrWhiteSpace(author))
        {
            var a = author.Trim().ToLower();
            query = query.Where(e => e.AuthorName.ToLower().Contains(a));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower();
            query = query.Where(e => (cleared || e.Classification == LogClassification.Aaben)
                && (e.Text.ToLower().Contains(term) || (e.Rationale != null && e.Rationale.ToLower().Contains(term))
                    || (e.DecidedBy != null && e.DecidedBy.ToLower().Contains(term)) || (e.Recipient != null && e.Recipient.ToLower().Contains(term))));
        }

        return query;
    }
}

public static class LogVerification
{
    /// <summary>Recomputes an incident's chain from the stored rows; null if there is no such incident.</summary>
    public static async Task<ChainVerification?> VerifyAsync(StabsrumDbContext db, Guid incidentId, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new { i.LogCount, i.LogHeadHash }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return null;
        }

        var entries = await db.CrisisLogEntries.AsNoTracking().Where(e => e.IncidentId == incidentId).OrderBy(e => e.Sequence).ToListAsync(ct);
        // A join on the incident, not Contains over every entry id: with 10,000 ids that query alone took most of a second (bench).
        var files = await (from a in db.CrisisLogAttachments.AsNoTracking()
                           join e in db.CrisisLogEntries.AsNoTracking() on a.EntryId equals e.Id
                           where e.IncidentId == incidentId
                           select a).ToListAsync(ct);
        var hashes = files.GroupBy(f => f.EntryId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<(string Stored, string Actual)>)g.Select(f => (f.Sha256, LogChain.ContentHash(f.Content))).ToList());
        return LogVerifier.Verify(incidentId, entries, incident.LogCount, incident.LogHeadHash, hashes);
    }
}
