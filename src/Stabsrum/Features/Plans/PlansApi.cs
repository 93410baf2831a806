using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Plans;

public sealed record DutyDto(DateOnly DueOn, string State, int DaysLeft);

public sealed record PlanDocumentDto(Guid Id, int Number, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record PlanDto(
    Guid Id, string Title, PlanType Type, string TypeName, string OwnerUnit, string ResponsiblePerson,
    string? ApprovedBy, DateOnly? ApprovedOn, DateOnly? SentToAgencyOn, DateOnly? LastExercisedOn, DateOnly? LastEvaluatedOn,
    string? LastEvaluationNote, string? ReminderEmail, bool Archived, DutyDto Revision, DutyDto? Exercise,
    IReadOnlyList<PlanDocumentDto> Documents);

public sealed record ArchiveInput(bool? Archived);

public static class PlansApi
{
    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapApiGroup("/plans", "Planregister");
        plans.MapGet("/", List).RequireAuthorization(Policies.Read);
        plans.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Read);
        plans.MapPost("/", Create).RequireAuthorization(Policies.MaintainRegistry);
        plans.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.MaintainRegistry);
        plans.MapPost("/{id:guid}/archive", Archive).RequireAuthorization(Policies.MaintainRegistry);
        plans.MapGet("/{id:guid}/documents/{versionId:guid}", Download).RequireAuthorization(Policies.Read);

        // Multipart upload; the body limit is the document limit. The API is authenticated by bearer tokens only
        // (ADR 0006), so there is no cookie for a cross-site form to ride on.
        plans.MapPost("/{id:guid}/documents", UploadDocument)
            .RequireAuthorization(Policies.MaintainRegistry)
            .WithMetadata(new RequestSizeLimitAttribute(PlanDocuments.MaxBytes + (64 * 1024)));
    }

    private static async Task<Ok<List<PlanDto>>> List(bool? includeArchived, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = time.Today();
        var plans = await db.Plans.AsNoTracking().Include(p => p.Documents)
            .Where(p => includeArchived == true || !p.Archived)
            .OrderBy(p => p.Type).ThenBy(p => p.Title)
            .ToListAsync(ct);
        return TypedResults.Ok(plans.Select(p => ToDto(p, today)).ToList());
    }

    private static async Task<Results<Ok<PlanDto>, NotFound>> Get(Guid id, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Documents).SingleOrDefaultAsync(p => p.Id == id, ct);
        return plan is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(plan, time.Today()));
    }

    private static async Task<Results<Created<PlanDto>, Ok<PlanDto>, Conflict<ProblemDetails>, ValidationProblem>> Create(PlanInput input, PlanChanges changes, TimeProvider time, CancellationToken ct)
    {
        var (plan, outcome, errors) = await changes.CreateAsync(input, ct);
        return outcome switch
        {
            PlanSaveOutcome.Created => TypedResults.Created($"/api/v1/plans/{plan!.Id}", ToDto(plan, time.Today())),
            PlanSaveOutcome.AlreadyExists => TypedResults.Ok(ToDto(plan!, time.Today())),
            PlanSaveOutcome.Conflict => TypedResults.Conflict(new ProblemDetails { Status = 409, Detail = "Id'et er allerede brugt." }),
            _ => errors.Problem(),
        };
    }

    private static async Task<Results<Ok<PlanDto>, NotFound, ValidationProblem>> Update(Guid id, PlanInput input, PlanChanges changes, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (plan, outcome, errors) = await changes.UpdateAsync(id, input, ct);
        return outcome switch
        {
            PlanSaveOutcome.NotFound => TypedResults.NotFound(),
            PlanSaveOutcome.Invalid => errors.Problem(),
            _ => TypedResults.Ok(await LoadDtoAsync(db, plan!.Id, time, ct)),
        };
    }

    private static async Task<Results<Ok<PlanDto>, NotFound, ValidationProblem>> Archive(Guid id, ArchiveInput input, PlanChanges changes, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (input.Archived is not { } archived)
        {
            return new Infrastructure.Problems.ValidationErrors().Add("archived", "Angiv om planen skal arkiveres (true) eller genoptages (false).").Problem();
        }

        var plan = await changes.SetArchivedAsync(id, archived, ct);
        return plan is null ? TypedResults.NotFound() : TypedResults.Ok(await LoadDtoAsync(db, plan.Id, time, ct));
    }

    /// <summary>
    /// Reads the form itself rather than binding an IFormFile: a bound form parameter makes routing answer 415 to
    /// other content types before authorization runs, and a caller without the right must hear 403 first.
    /// </summary>
    private static async Task<Results<Created<PlanDocumentDto>, NotFound, ValidationProblem, ProblemHttpResult>> UploadDocument(Guid id, HttpRequest request, PlanDocuments documents, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "Send filen som multipart/form-data i feltet \"file\".");
        }

        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "Formularens indhold kunne ikke læses.");
        }

        if (file is null)
        {
            return new Infrastructure.Problems.ValidationErrors().Add("file", "Vælg en fil at uploade i feltet \"file\".").Problem();
        }

        await using var stream = file.OpenReadStream();
        var (version, error) = await documents.AddAsync(id, new PlanDocuments.Upload(file.FileName, file.ContentType, file.Length, stream), ct);
        if (version is null)
        {
            return error is null ? TypedResults.NotFound() : new Infrastructure.Problems.ValidationErrors().Add("file", error).Problem();
        }

        return TypedResults.Created($"/api/v1/plans/{id}/documents/{version.Id}", ToDto(version));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(Guid id, Guid versionId, StabsrumDbContext db, CancellationToken ct)
    {
        var file = await LoadFileAsync(db, id, versionId, ct);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
    }

    /// <summary>A stored document version with its bytes, scoped to the current organisation by the query filters.</summary>
    public static async Task<(byte[] Content, string ContentType, string FileName)?> LoadFileAsync(StabsrumDbContext db, Guid planId, Guid versionId, CancellationToken ct)
    {
        var version = await db.PlanDocumentVersions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == versionId && d.PlanId == planId, ct);
        if (version is null)
        {
            return null;
        }

        var content = await db.PlanDocumentContents.AsNoTracking().Where(c => c.Id == versionId).Select(c => c.Content).SingleAsync(ct);
        return (content, version.ContentType, version.FileName);
    }

    private static async Task<PlanDto> LoadDtoAsync(StabsrumDbContext db, Guid id, TimeProvider time, CancellationToken ct) =>
        ToDto(await db.Plans.AsNoTracking().Include(p => p.Documents).SingleAsync(p => p.Id == id, ct), time.Today());

    public static PlanDto ToDto(Plan p, DateOnly today) => new(
        p.Id, p.Title, p.Type, p.Type.DanishName(), p.OwnerUnit, p.ResponsiblePerson, p.ApprovedBy, p.ApprovedOn, p.SentToAgencyOn,
        p.LastExercisedOn, p.LastEvaluatedOn, p.LastEvaluationNote, p.ReminderEmail, p.Archived,
        ToDto(p.Revision(today)), p.Exercise(today) is { } exercise ? ToDto(exercise) : null,
        p.Documents.OrderByDescending(d => d.Number).Select(ToDto).ToList());

    private static DutyDto ToDto(PlanDuty duty) => new(duty.DueOn, duty.State.ToString(), duty.DaysLeft);

    private static PlanDocumentDto ToDto(PlanDocumentVersion d) =>
        new(d.Id, d.Number, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedAt, d.UploadedBy);
}
