using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Situation;

public sealed record UnitSectionDto(string Unit, string Text);

public sealed record SituationDto(
    Guid Id, Guid IncidentId, int Version, string Status, string Overall, string Consequences, string ResourcesCommitted,
    string ResourcesAvailable, string ResourcesNeeded, string ExpectedDevelopment, string Communication, string Decisions,
    DateTimeOffset? NextMeetingAt, DateTimeOffset? NextUpdateDue, IReadOnlyList<UnitSectionDto> Units, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? PublishedAt, string? PublishedBy, Guid? PublishedEntryId)
{
    public static SituationDto From(SituationPicture p) => new(
        p.Id, p.IncidentId, p.Version, p.Status.ToString(), p.Overall, p.Consequences, p.ResourcesCommitted, p.ResourcesAvailable, p.ResourcesNeeded,
        p.ExpectedDevelopment, p.Communication, p.Decisions, p.NextMeetingAt, p.NextUpdateDue,
        p.Units.OrderBy(u => u.SortOrder).Select(u => new UnitSectionDto(u.Unit, u.Text)).ToList(), p.CreatedAt, p.CreatedBy, p.PublishedAt, p.PublishedBy, p.PublishedEntryId);
}

public sealed record UnitReportDto(Guid Id, Guid IncidentId, string Unit, string Situation, string? Needs, string ReportedBy, DateTimeOffset ReportedAt, Guid LogEntryId)
{
    public static UnitReportDto From(UnitReport r) => new(r.Id, r.IncidentId, r.Unit, r.Situation, r.Needs, r.ReportedBy, r.ReportedAt, r.LogEntryId);
}

public sealed record ReportingUnitDto(Guid Id, string Unit, int IntervalMinutes, DateTimeOffset Since);

public sealed record SituationDiffDto(int FromVersion, int ToVersion, IReadOnlyList<SectionDiff> Sections);

/// <summary>Situation pictures and unit reports under <c>/api/v1/incidents/{id}</c>.</summary>
public static class SituationApi
{
    public sealed record DraftInput(Guid? Id, IReadOnlyList<Guid>? Include);

    public static void MapSituationApi(this IEndpointRouteBuilder app)
    {
        var pictures = app.MapApiGroup("/incidents/{id:guid}/situation-pictures", "Situationsbillede");
        pictures.MapGet("/", List).RequireAuthorization(Policies.Read);
        pictures.MapGet("/since", Since).RequireAuthorization(Policies.Read);
        pictures.MapGet("/compare", Compare).RequireAuthorization(Policies.Read);
        pictures.MapPost("/", StartDraft).RequireAuthorization(Policies.OperateIncidents);
        pictures.MapGet("/{pictureId:guid}", Get).RequireAuthorization(Policies.Read);
        pictures.MapGet("/{pictureId:guid}/markdown", Markdown).RequireAuthorization(Policies.Read);
        pictures.MapPut("/{pictureId:guid}", Update).RequireAuthorization(Policies.OperateIncidents);
        pictures.MapPost("/{pictureId:guid}/publish", Publish).RequireAuthorization(Policies.OperateIncidents);
        app.MapGet("/haendelser/{id:guid}/situationsbillede/{pictureId:guid}/markdown", Markdown).RequireAuthorization(Policies.Read).ExcludeFromDescription();

        var reports = app.MapApiGroup("/incidents/{id:guid}", "Meldinger");
        reports.MapGet("/unit-reports", Reports).RequireAuthorization(Policies.Read);
        reports.MapPost("/unit-reports", Submit).RequireAuthorization(Policies.OperateIncidents);
        reports.MapGet("/reporting-units", ReportingStatusList).RequireAuthorization(Policies.Read);
        reports.MapPut("/reporting-units", SetUnit).RequireAuthorization(Policies.OperateIncidents);
        reports.MapDelete("/reporting-units/{unitId:guid}", RemoveUnit).RequireAuthorization(Policies.OperateIncidents);
    }

    private static async Task<Results<Ok<List<SituationDto>>, NotFound>> List(Guid id, StabsrumDbContext db, SituationPictures pictures, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await pictures.ListAsync(id, ct)).Select(SituationDto.From).ToList());
    }

    private static async Task<Results<Ok<List<SinceItem>>, NotFound>> Since(Guid id, StabsrumDbContext db, SituationPictures pictures, CancellationToken ct) =>
        await db.Incidents.AnyAsync(i => i.Id == id, ct) ? TypedResults.Ok(await pictures.SinceLastPublishedAsync(id, ct)) : TypedResults.NotFound();

    private static async Task<IResult> Compare(Guid id, Guid? from, Guid? to, SituationPictures pictures, CancellationToken ct)
    {
        if (from is null || to is null)
        {
            return new ValidationErrors().Add("from", "Angiv to versioner: from og to (situationsbilledernes id).").Problem();
        }

        var a = await pictures.FindAsync(id, from.Value, ct);
        var b = await pictures.FindAsync(id, to.Value, ct);
        return a is null || b is null ? TypedResults.NotFound() : TypedResults.Ok(new SituationDiffDto(a.Version, b.Version, SituationDiff.Compare(a, b)));
    }

    private static async Task<IResult> StartDraft(Guid id, DraftInput input, SituationPictures pictures, CancellationToken ct)
    {
        var result = await pictures.StartDraftAsync(id, input.Id ?? Guid.Empty, input.Include ?? [], ct);
        return Answer(id, result);
    }

    private static async Task<IResult> Get(Guid id, Guid pictureId, SituationPictures pictures, CancellationToken ct) =>
        await pictures.FindAsync(id, pictureId, ct) is { } p ? TypedResults.Ok(SituationDto.From(p)) : TypedResults.NotFound();

    private static async Task<IResult> Markdown(Guid id, Guid pictureId, StabsrumDbContext db, SituationPictures pictures, CancellationToken ct)
    {
        var picture = await pictures.FindAsync(id, pictureId, ct);
        if (picture is null)
        {
            return TypedResults.NotFound();
        }

        var title = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => i.Title).SingleAsync(ct);
        var bytes = System.Text.Encoding.UTF8.GetBytes(SituationMarkdown.Render(title, picture));
        return TypedResults.File(bytes, "text/markdown; charset=utf-8", $"situationsbillede-v{picture.Version}.md");
    }

    private static async Task<IResult> Update(Guid id, Guid pictureId, SituationInput input, SituationPictures pictures, CancellationToken ct) =>
        Answer(id, await pictures.UpdateDraftAsync(id, pictureId, input, ct));

    private static async Task<IResult> Publish(Guid id, Guid pictureId, SituationPictures pictures, CancellationToken ct) =>
        Answer(id, await pictures.PublishAsync(id, pictureId, ct));

    private static IResult Answer(Guid incidentId, SituationResult result) => result.Outcome switch
    {
        SituationOutcome.Created => TypedResults.Created($"/api/v1/incidents/{incidentId}/situation-pictures/{result.Picture!.Id}", SituationDto.From(result.Picture)),
        SituationOutcome.Ok => TypedResults.Ok(SituationDto.From(result.Picture!)),
        SituationOutcome.NotFound => TypedResults.NotFound(),
        SituationOutcome.Conflict => TypedResults.Problem(Message(result.Errors), statusCode: StatusCodes.Status409Conflict),
        _ => result.Errors.Problem(),
    };

    public static string Message(ValidationErrors errors) => string.Join(" ", errors.ToDictionary().Values.SelectMany(v => v));

    private static async Task<Results<Ok<List<UnitReportDto>>, NotFound>> Reports(Guid id, StabsrumDbContext db, UnitReports reports, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await reports.ListAsync(id, ct)).Select(UnitReportDto.From).ToList());
    }

    private static async Task<IResult> Submit(Guid id, UnitReportInput input, UnitReports reports, CancellationToken ct)
    {
        var result = await reports.SubmitAsync(id, input, ct);
        return result.Outcome switch
        {
            SituationOutcome.Created => TypedResults.Created($"/api/v1/incidents/{id}/unit-reports/{result.Report!.Id}", UnitReportDto.From(result.Report)),
            SituationOutcome.Ok => TypedResults.Ok(UnitReportDto.From(result.Report!)),
            SituationOutcome.NotFound => TypedResults.NotFound(),
            SituationOutcome.Conflict => TypedResults.Problem(Message(result.Errors), statusCode: StatusCodes.Status409Conflict),
            _ => result.Errors.Problem(),
        };
    }

    private static async Task<Results<Ok<List<ReportingStatus>>, NotFound>> ReportingStatusList(Guid id, StabsrumDbContext db, UnitReports reports, CancellationToken ct) =>
        await db.Incidents.AnyAsync(i => i.Id == id, ct) ? TypedResults.Ok(await reports.StatusAsync(id, ct)) : TypedResults.NotFound();

    private static async Task<IResult> SetUnit(Guid id, ReportingUnitInput input, UnitReports reports, CancellationToken ct)
    {
        var (unit, errors, found) = await reports.SetUnitAsync(id, input, ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }

        return unit is null ? errors.Problem() : TypedResults.Ok(new ReportingUnitDto(unit.Id, unit.Unit, unit.IntervalMinutes, unit.Since));
    }

    private static async Task<IResult> RemoveUnit(Guid id, Guid unitId, UnitReports reports, CancellationToken ct) =>
        await reports.RemoveUnitAsync(id, unitId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
