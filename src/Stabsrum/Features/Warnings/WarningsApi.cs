using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Stabsrum.Features.Warnings.Cap;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Warnings;

public static class WarningsApi
{
    /// <summary>Media types a CAP alert may be posted as.</summary>
    public static readonly string[] CapMediaTypes = ["application/cap+xml", "application/xml", "text/xml"];

    public sealed record ReferenceDto(string Sender, string Identifier, DateTimeOffset Sent, Guid? WarningId);

    public sealed record WarningDto(
        Guid Id, string Origin, string Sender, string Identifier, DateTimeOffset Sent, string Status, string MsgType, string Scope,
        string? Event, string? Headline, string? Description, string? Urgency, string? Severity, string? Certainty,
        string? AreaDescription, DateTimeOffset? Onset, DateTimeOffset? Expires,
        string? AwarenessLevel, string? AwarenessLevelText, string? AwarenessType, string? AwarenessTypeText,
        string? SourceName, string? SourceUrl, DateTimeOffset ReceivedAt, string ReceivedBy,
        bool IsRelevant, string? RelevanceReason, string State, Guid? SupersededById, Guid? CancelledById,
        string Triage, string? TriageReason, DateTimeOffset? TriagedAt, string? TriagedBy, Guid? IncidentId,
        IReadOnlyList<ReferenceDto> References);

    public sealed record WarningDetailDto(WarningDto Warning, CapAlert? Cap);

    public sealed record DismissInput(string? Reason);

    public sealed record CreateIncidentInput(string? Title);

    public sealed record AttachInput(Guid? IncidentId);

    public sealed record IncidentCreatedDto(Guid WarningId, Guid IncidentId);

    public sealed record AreaDto(Guid Id, string Name, IReadOnlyList<GeocodeInput> Geocodes, string? Polygon);

    public sealed record FeedDto(
        Guid Id, string Name, string Url, int IntervalMinutes, bool Enabled, DateTimeOffset? NextPollAt, DateTimeOffset? LastPolledAt,
        DateTimeOffset? LastSuccessAt, int ConsecutiveFailures, string? LastError, int LastNewCount, string State);

    public sealed record SettingsDto(string? DutyEmail);

    public static void MapWarningsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/warnings", "Varsler");
        group.MapGet("/", List).RequireAuthorization(Policies.Read);
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Read);
        group.MapGet("/{id:guid}/cap", Original).RequireAuthorization(Policies.Read);
        // No .Accepts(): its routing-level 415 would answer before authorization; the handler checks the type.
        group.MapPost("/cap", PostCap).RequireAuthorization(Policies.OperateIncidents);
        group.MapPost("/", PostManual).RequireAuthorization(Policies.OperateIncidents);
        group.MapPost("/{id:guid}/dismiss", Dismiss).RequireAuthorization(Policies.OperateIncidents);
        group.MapPost("/{id:guid}/incident", CreateIncident).RequireAuthorization(Policies.OperateIncidents);
        group.MapPost("/{id:guid}/attach", Attach).RequireAuthorization(Policies.OperateIncidents);

        group.MapGet("/areas", ListAreas).RequireAuthorization(Policies.Read);
        group.MapPost("/areas", AddArea).RequireAuthorization(Policies.MaintainRegistry);
        group.MapDelete("/areas/{id:guid}", RemoveArea).RequireAuthorization(Policies.MaintainRegistry);

        group.MapGet("/feeds", ListFeeds).RequireAuthorization(Policies.Read);
        group.MapPost("/feeds", AddFeed).RequireAuthorization(Policies.Administer);
        group.MapPut("/feeds/{id:guid}", UpdateFeed).RequireAuthorization(Policies.Administer);
        group.MapDelete("/feeds/{id:guid}", RemoveFeed).RequireAuthorization(Policies.Administer);

        group.MapGet("/settings", GetSettings).RequireAuthorization(Policies.Read);
        group.MapPut("/settings", PutSettings).RequireAuthorization(Policies.MaintainRegistry);
    }

    private static async Task<Ok<List<WarningDto>>> List(bool? relevant, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var query = db.Warnings.AsNoTracking().Include(w => w.References).AsQueryable();
        if (relevant is { } r)
        {
            query = query.Where(w => w.IsRelevant == r);
        }

        var list = await query.OrderByDescending(w => w.ReceivedAt).Take(500).ToListAsync(ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(list.Select(w => ToDto(w, now)).ToList());
    }

    private static async Task<Results<Ok<WarningDetailDto>, NotFound>> Get(Guid id, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var warning = await db.Warnings.AsNoTracking().Include(w => w.References).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (warning is null)
        {
            return TypedResults.NotFound();
        }

        var xml = await db.WarningDocuments.AsNoTracking().Where(d => d.WarningId == id).Select(d => d.Xml).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new WarningDetailDto(ToDto(warning, time.GetUtcNow()), xml is null ? null : CapParser.Parse(xml).Alert));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Original(Guid id, StabsrumDbContext db, CancellationToken ct)
    {
        var xml = await db.WarningDocuments.AsNoTracking().Where(d => d.WarningId == id).Select(d => d.Xml).FirstOrDefaultAsync(ct);
        return xml is null ? TypedResults.NotFound() : TypedResults.Text(xml, "application/cap+xml; charset=utf-8");
    }

    /// <summary>
    /// Takes the raw XML body. Same alert twice answers 200 with the stored warning (idempotent); a new one 201;
    /// a refused one 400 with the reasons under "cap"; anything that is not XML 415.
    /// </summary>
    private static async Task<Results<Created<WarningDto>, Ok<WarningDto>, ValidationProblem, ProblemHttpResult>> PostCap(
        HttpContext http, WarningIntake intake, CurrentOrganisation current, TimeProvider time, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !CapMediaTypes.Contains(mediaType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: $"Send CAP-meddelelsen som XML med Content-Type {string.Join(", ", CapMediaTypes)}.");
        }

        var body = await ReadLimitedAsync(http.Request.Body, (int)ProblemSetup.ApiBodyLimitBytes, ct);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: "CAP-meddelelsen er for stor.");
        }

        var result = await intake.IngestCapAsync(body, new CapSource(WarningOrigin.Cap, current.UserName ?? "api"), ct);
        var now = time.GetUtcNow();
        return result.Outcome switch
        {
            IntakeOutcome.Created => TypedResults.Created($"/api/v1/warnings/{result.Warning!.Id}", ToDto(result.Warning, now)),
            IntakeOutcome.Duplicate => TypedResults.Ok(ToDto(result.Warning!, now)),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cap"] = [.. result.Errors] }, detail: result.Errors[0]),
        };
    }

    private static async Task<Results<Created<WarningDto>, Ok<WarningDto>, ValidationProblem>> PostManual(
        ManualWarningInput input, WarningIntake intake, CurrentOrganisation current, TimeProvider time, CancellationToken ct)
    {
        var (result, errors) = await intake.RecordManualAsync(input, current.UserName ?? "api", ct);
        var now = time.GetUtcNow();
        return result.Outcome switch
        {
            IntakeOutcome.Created => TypedResults.Created($"/api/v1/warnings/{result.Warning!.Id}", ToDto(result.Warning, now)),
            IntakeOutcome.Duplicate => TypedResults.Ok(ToDto(result.Warning!, now)),
            _ => errors.Problem(),
        };
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Dismiss(Guid id, DismissInput input, WarningTriage triage, CancellationToken ct) =>
        await triage.DismissAsync(id, input.Reason, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.NoContent(),
        };

    private static async Task<Results<Ok<IncidentCreatedDto>, NotFound, ValidationProblem>> CreateIncident(Guid id, CreateIncidentInput input, WarningTriage triage, CancellationToken ct) =>
        await triage.CreateIncidentAsync(id, input.Title, ct) switch
        {
            (_, null) => TypedResults.NotFound(),
            (_, { Any: true } errors) => errors.Problem(),
            ({ } incidentId, _) => TypedResults.Ok(new IncidentCreatedDto(id, incidentId)),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Attach(Guid id, AttachInput input, WarningTriage triage, CancellationToken ct)
    {
        if (input.IncidentId is not { } incidentId || incidentId == Guid.Empty)
        {
            return new ValidationErrors().Add("IncidentId", "Vælg en hændelse.").Problem();
        }

        return await triage.AttachAsync(id, incidentId, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.NoContent(),
        };
    }

    private static async Task<Ok<List<AreaDto>>> ListAreas(StabsrumDbContext db, CancellationToken ct)
    {
        var areas = await db.WarningAreas.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        return TypedResults.Ok(areas.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<AreaDto>, ValidationProblem>> AddArea(AreaInput input, WarningConfigurationChanges changes, CancellationToken ct)
    {
        var (area, errors) = await changes.AddAreaAsync(input, ct);
        return area is null ? errors.Problem() : TypedResults.Created($"/api/v1/warnings/areas/{area.Id}", ToDto(area));
    }

    private static async Task<Results<NoContent, NotFound>> RemoveArea(Guid id, WarningConfigurationChanges changes, CancellationToken ct) =>
        await changes.RemoveAreaAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<List<FeedDto>>> ListFeeds(StabsrumDbContext db, CancellationToken ct)
    {
        var feeds = await db.WarningFeeds.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        return TypedResults.Ok(feeds.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<FeedDto>, ValidationProblem>> AddFeed(FeedInput input, WarningConfigurationChanges changes, CancellationToken ct)
    {
        var (feed, errors) = await changes.SaveFeedAsync(null, input, ct);
        return feed is null ? errors.Problem() : TypedResults.Created($"/api/v1/warnings/feeds/{feed.Id}", ToDto(feed));
    }

    private static async Task<Results<Ok<FeedDto>, NotFound, ValidationProblem>> UpdateFeed(Guid id, FeedInput input, WarningConfigurationChanges changes, CancellationToken ct)
    {
        var (feed, errors) = await changes.SaveFeedAsync(id, input, ct);
        if (feed is not null)
        {
            return TypedResults.Ok(ToDto(feed));
        }

        return errors.Any ? errors.Problem() : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> RemoveFeed(Guid id, WarningConfigurationChanges changes, CancellationToken ct) =>
        await changes.RemoveFeedAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<SettingsDto>> GetSettings(StabsrumDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new SettingsDto(await db.WarningSettings.AsNoTracking().Select(s => s.DutyEmail).FirstOrDefaultAsync(ct)));

    private static async Task<Results<Ok<SettingsDto>, ValidationProblem>> PutSettings(WarningSettingsInput input, WarningConfigurationChanges changes, CancellationToken ct)
    {
        var errors = await changes.SaveSettingsAsync(input, ct);
        return errors.Any ? errors.Problem() : TypedResults.Ok(new SettingsDto(string.IsNullOrWhiteSpace(input.DutyEmail) ? null : input.DutyEmail.Trim()));
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger.</summary>
    internal static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static WarningDto ToDto(Warning w, DateTimeOffset now) => new(
        w.Id, w.Origin.ToString(), w.Sender, w.Identifier, w.Sent, w.Status, w.MsgType, w.Scope,
        w.Event, w.Headline, w.Description, w.Urgency, w.Severity, w.Certainty,
        w.AreaDescription, w.Onset, w.Expires,
        w.AwarenessLevel?.ToString(), w.AwarenessLevel?.Danish(), w.AwarenessType?.ToString(), w.AwarenessType?.Danish(),
        w.SourceName, w.SourceUrl, w.ReceivedAt, w.ReceivedBy,
        w.IsRelevant, w.RelevanceReason, WarningStates.Of(w, now).ToString(), w.SupersededById, w.CancelledById,
        w.Triage.ToString(), w.TriageReason, w.TriagedAt, w.TriagedBy, w.IncidentId,
        w.References.Select(r => new ReferenceDto(r.Sender, r.Identifier, r.Sent, r.ReferencedWarningId)).ToList());

    private static AreaDto ToDto(WarningArea a) =>
        new(a.Id, a.Name, a.GeocodeList().Select(c => new GeocodeInput(c.ValueName, c.Value)).ToList(), a.Polygon);

    private static FeedDto ToDto(WarningFeed f) => new(
        f.Id, f.Name, f.Url, f.IntervalMinutes, f.Enabled, f.NextPollAt, f.LastPolledAt, f.LastSuccessAt, f.ConsecutiveFailures, f.LastError, f.LastNewCount,
        !f.Enabled ? "Disabled" : f.IsFailing ? "Failing" : "Ok");
}
