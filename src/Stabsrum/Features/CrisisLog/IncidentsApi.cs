using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.CrisisLog;

public static class IncidentsApi
{
    public sealed record IncidentDto(
        Guid Id, string Title, string Type, string Description, string Area, DateTimeOffset StartedAt, bool IsExercise,
        string Status, int Level, string LevelName, string Phase, string PhaseName, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, long LogCount);

    public sealed record IncidentDetailDto(IncidentDto Incident, IReadOnlyList<StaffMemberDto> Staff, IReadOnlyList<string> LevelNames);

    public sealed record NewIncidentInput(string? Title, string? Type, string? Description, string? Area, DateTimeOffset? StartedAt, bool IsExercise);

    public sealed record LevelInput(int? Level, string? Reason, Guid? EntryId);

    public sealed record PhaseInput(StaffPhase? Phase, string? Reason, Guid? EntryId);

    public sealed record CloseInput(string? Reason, Guid? EntryId);

    public sealed record IncidentTypesInput(List<string>? Names);

    public sealed record RuleDto(string Position, int MaxLevel, bool MayClose);

    public sealed record RulesInput(List<RuleDto>? Rules);

    public sealed record MemberAuthorityInput(string? Position, bool? Clearance);

    public sealed record MemberAuthorityDto(Guid MembershipId, Guid UserId, string DisplayName, string Position, bool Clearance);

    public static void MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapApiGroup("/incidents", "Hændelser");
        incidents.MapGet("/", List).RequireAuthorization(Policies.Read);
        incidents.MapPost("/", Create).RequireAuthorization(Policies.OperateIncidents);
        incidents.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Read);
        incidents.MapPut("/{id:guid}/level", ChangeLevel).RequireAuthorization(Policies.OperateIncidents);
        incidents.MapPut("/{id:guid}/phase", ChangePhase).RequireAuthorization(Policies.OperateIncidents);
        incidents.MapPost("/{id:guid}/close", Close).RequireAuthorization(Policies.OperateIncidents);

        var types = app.MapApiGroup("/incident-types", "Hændelser");
        types.MapGet("/", ListTypes).RequireAuthorization(Policies.Read);
        types.MapPut("/", ReplaceTypes).RequireAuthorization(Policies.Administer);

        var rules = app.MapApiGroup("/incident-authority", "Hændelser");
        rules.MapGet("/", ListRules).RequireAuthorization(Policies.Read);
        rules.MapPut("/", ReplaceRules).RequireAuthorization(Policies.Administer);
        rules.MapGet("/members", ListMemberAuthority).RequireAuthorization(Policies.Administer);
        rules.MapPut("/members/{id:guid}", SetMemberAuthority).RequireAuthorization(Policies.Administer);
    }

    public static IncidentDto ToDto(Incident i, Organisations.Organisation org) => new(
        i.Id, i.Title, i.Type, i.Description, i.Area, i.StartedAt, i.IsExercise, i.Status.ToString(), i.Level, org.LevelName(i.Level),
        i.Phase.ToString(), LogEntryView.PhaseName(i.Phase), i.CreatedAt, i.ClosedAt, i.LogCount);

    private static async Task<Ok<List<IncidentDto>>> List(StabsrumDbContext db, IncidentStatus? status, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Current.OrganisationId, ct);
        var query = db.Incidents.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(i => i.Status == s);
        }

        var list = await query.OrderByDescending(i => i.StartedAt).ToListAsync(ct);
        return TypedResults.Ok(list.Select(i => ToDto(i, org)).ToList());
    }

    private static async Task<Results<Created<IncidentDto>, ValidationProblem>> Create(NewIncidentInput input, IncidentChanges changes, StabsrumDbContext db, CancellationToken ct)
    {
        var (incident, errors) = await changes.CreateAsync(new NewIncident(input.Title, input.Type, input.Description, input.Area, input.StartedAt, input.IsExercise), ct);
        if (incident is null)
        {
            return errors.Problem();
        }

        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incident.OrganisationId, ct);
        var fresh = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id, ct);
        return TypedResults.Created($"/api/v1/incidents/{incident.Id}", ToDto(fresh, org));
    }

    private static async Task<Results<Ok<IncidentDetailDto>, NotFound>> Get(Guid id, StabsrumDbContext db, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return TypedResults.NotFound();
        }

        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incident.OrganisationId, ct);
        return TypedResults.Ok(new IncidentDetailDto(ToDto(incident, org), await LogEntryView.StaffAsync(db, id, ct), [org.Level0Name, org.Level1Name, org.Level2Name]));
    }

    private static async Task<IResult> ChangeLevel(Guid id, LevelInput input, IncidentChanges changes, CancellationToken ct) =>
        await ChangeAnswer(id, input.Level is null
            ? new ChangeResult(ChangeOutcome.Invalid, new ValidationErrors().Add("level", "Angiv beredskabsniveau (0, 1 eller 2)."))
            : await changes.ChangeLevelAsync(id, input.Level.Value, input.Reason, input.EntryId, ct));

    private static async Task<IResult> ChangePhase(Guid id, PhaseInput input, IncidentChanges changes, CancellationToken ct) =>
        await ChangeAnswer(id, input.Phase is null
            ? new ChangeResult(ChangeOutcome.Invalid, new ValidationErrors().Add("phase", "Angiv fase: Rammesaettende, Operationel eller Afviklet."))
            : await changes.ChangePhaseAsync(id, input.Phase.Value, input.Reason, input.EntryId, ct));

    private static async Task<IResult> Close(Guid id, CloseInput input, IncidentChanges changes, CancellationToken ct) =>
        await ChangeAnswer(id, await changes.CloseAsync(id, input.Reason, input.EntryId, ct));

    /// <summary>A change answers with the log entry that records it.</summary>
    internal static Task<IResult> ChangeAnswer(Guid incidentId, ChangeResult result) => Task.FromResult<IResult>(result.Outcome switch
    {
        ChangeOutcome.Done => TypedResults.Ok(new { entryId = result.Entry?.Id, sequence = result.Entry?.Sequence, detail = result.Detail }),
        ChangeOutcome.NotFound => TypedResults.NotFound(),
        ChangeOutcome.Forbidden => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status403Forbidden),
        ChangeOutcome.Conflict => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status409Conflict),
        _ => result.Errors.Problem(),
    });

    private static async Task<Ok<List<string>>> ListTypes(StabsrumDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await IncidentChanges.IncidentTypesAsync(db, ct));

    private static async Task<Results<Ok<List<string>>, ValidationProblem>> ReplaceTypes(IncidentTypesInput input, StabsrumDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var names = (input.Names ?? []).Select(n => n?.Trim() ?? "").ToList();
        if (names.Count == 0)
        {
            errors.Add("names", "Listen skal have mindst én hændelsestype.");
        }

        for (var i = 0; i < names.Count; i++)
        {
            errors.Required($"names[{i}]", names[i], $"Type nr. {i + 1}", 80);
        }

        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
        {
            errors.Add("names", "Den samme type står flere gange.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.IncidentTypes.RemoveRange(await db.IncidentTypes.ToListAsync(ct));
        db.IncidentTypes.AddRange(names.Select((n, i) => new IncidentType { Name = n, SortOrder = i }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(names);
    }

    private static async Task<Ok<List<RuleDto>>> ListRules(StabsrumDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await IncidentChanges.RulesAsync(db, ct)).Select(r => new RuleDto(r.Position, r.MaxLevel, r.MayClose)).ToList());

    private static async Task<Results<Ok<List<RuleDto>>, ValidationProblem>> ReplaceRules(RulesInput input, StabsrumDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var rules = input.Rules ?? [];
        if (rules.Count == 0)
        {
            errors.Add("rules", "Angiv mindst én regel.");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            errors.Required($"rules[{i}].position", rules[i]?.Position, $"Stilling i regel {i + 1}", 80);
            if (rules[i] is { MaxLevel: < 0 or > Incident.MaxLevel })
            {
                errors.Add($"rules[{i}].maxLevel", $"Højeste niveau i regel {i + 1} skal være 0, 1 eller 2.");
            }
        }

        if (rules.Select(r => r?.Position?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != rules.Count)
        {
            errors.Add("rules", "Den samme stilling står flere gange.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.IncidentAuthorityRules.RemoveRange(await db.IncidentAuthorityRules.ToListAsync(ct));
        db.IncidentAuthorityRules.AddRange(rules.Select(r => new IncidentAuthorityRule { Position = r.Position!.Trim(), MaxLevel = r.MaxLevel, MayClose = r.MayClose }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(rules.Select(r => r with { Position = r.Position!.Trim() }).ToList());
    }

    private static async Task<Ok<List<MemberAuthorityDto>>> ListMemberAuthority(StabsrumDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await (from m in db.Memberships.AsNoTracking()
                               join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                               orderby u.DisplayName
                               select new MemberAuthorityDto(m.Id, m.UserId, u.DisplayName, EF.Property<string>(m, MembershipCrisisColumns.Position), EF.Property<bool>(m, MembershipCrisisColumns.Clearance))).ToListAsync(ct));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> SetMemberAuthority(Guid id, MemberAuthorityInput input, StabsrumDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors().Optional("position", input.Position, "Stilling", 80);
        if (input.Clearance is null)
        {
            errors.Add("clearance", "Angiv om medlemmet har sikkerhedsgodkendelse (true/false).");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null)
        {
            return TypedResults.NotFound();
        }

        var entry = db.Entry(membership);
        entry.Property<string>(MembershipCrisisColumns.Position).CurrentValue = input.Position?.Trim() ?? "";
        entry.Property<bool>(MembershipCrisisColumns.Clearance).CurrentValue = input.Clearance!.Value;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
