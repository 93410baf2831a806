using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Registry;

/// <summary>The registry's API (part A): key persons, staff roles, alarm lists, resources, partners, readiness.</summary>
public static class RegistryApi
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var persons = app.MapApiGroup("/key-persons", "Nøglepersoner");
        persons.MapGet("/", (string? search, KeyPersonQueries q, CancellationToken ct) => q.ListAsync(search, ct)).RequireAuthorization(Policies.Read);
        persons.MapGet("/{id:guid}", GetPerson).RequireAuthorization(Policies.Read);
        persons.MapPost("/", CreatePerson).RequireAuthorization(Policies.MaintainRegistry);
        persons.MapPut("/{id:guid}", UpdatePerson).RequireAuthorization(Policies.MaintainRegistry);
        persons.MapDelete("/{id:guid}", DeletePerson).RequireAuthorization(Policies.MaintainRegistry);
        persons.MapPost("/{id:guid}/contact-verified", VerifyPerson).RequireAuthorization(Policies.MaintainRegistry);
        persons.MapGet("/{id:guid}/gdpr-export", ExportPerson).RequireAuthorization(Policies.MaintainRegistry);
        persons.MapPost("/{id:guid}/erase", ErasePerson).RequireAuthorization(Policies.MaintainRegistry);
        persons.MapImport(ImportKind.KeyPersons);

        var roles = app.MapApiGroup("/staff-roles", "Roller");
        roles.MapGet("/", ListRoles).RequireAuthorization(Policies.Read);
        roles.MapGet("/{id:guid}", GetRole).RequireAuthorization(Policies.Read);
        roles.MapPost("/", CreateRole).RequireAuthorization(Policies.MaintainRegistry);
        roles.MapPut("/{id:guid}", UpdateRole).RequireAuthorization(Policies.MaintainRegistry);
        roles.MapDelete("/{id:guid}", DeleteRole).RequireAuthorization(Policies.MaintainRegistry);
        roles.MapPost("/defaults", AddDefaultRoles).RequireAuthorization(Policies.MaintainRegistry);

        var lists = app.MapApiGroup("/alarm-lists", "Alarmeringslister");
        lists.MapGet("/", ListAlarmLists).RequireAuthorization(Policies.Read);
        lists.MapGet("/{id:guid}", GetAlarmList).RequireAuthorization(Policies.Read);
        lists.MapGet("/{id:guid}/contact-sequence", GetContactSequence).RequireAuthorization(Policies.Read);
        lists.MapPost("/", CreateAlarmList).RequireAuthorization(Policies.MaintainRegistry);
        lists.MapPut("/{id:guid}", UpdateAlarmList).RequireAuthorization(Policies.MaintainRegistry);
        lists.MapDelete("/{id:guid}", DeleteAlarmList).RequireAuthorization(Policies.MaintainRegistry);

        var resources = app.MapApiGroup("/resources", "Ressourcer");
        resources.MapImport(ImportKind.Resources);
        resources.MapGet("/", async (StabsrumDbContext db, CancellationToken ct) =>
            (await db.TacticalResources.AsNoTracking().OrderByDescending(r => r.Critical).ThenBy(r => r.Category).ThenBy(r => r.Name).ToListAsync(ct)).Select(TacticalResourceDto.From).ToList())
            .RequireAuthorization(Policies.Read);
        resources.MapGet("/{id:guid}", async Task<Results<Ok<TacticalResourceDto>, NotFound>> (Guid id, StabsrumDbContext db, CancellationToken ct) =>
            await db.TacticalResources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } r ? TypedResults.Ok(TacticalResourceDto.From(r)) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Read);
        resources.MapPost("/", async Task<Results<Created<TacticalResourceDto>, Ok<TacticalResourceDto>, ValidationProblem>> (TacticalResourceInput input, CatalogueChanges changes, CancellationToken ct) =>
        {
            var (resource, created, errors) = await changes.CreateResourceAsync(input, ct);
            return resource is null ? errors.Problem()
                : created ? TypedResults.Created($"/api/v1/resources/{resource.Id}", TacticalResourceDto.From(resource)) : TypedResults.Ok(TacticalResourceDto.From(resource));
        }).RequireAuthorization(Policies.MaintainRegistry);
        resources.MapPut("/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, TacticalResourceInput input, CatalogueChanges changes, CancellationToken ct) =>
            Outcome(await changes.UpdateResourceAsync(id, input, ct))).RequireAuthorization(Policies.MaintainRegistry);
        resources.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, CatalogueChanges changes, CancellationToken ct) =>
            await changes.DeleteResourceAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(Policies.MaintainRegistry);

        var partners = app.MapApiGroup("/partners", "Samarbejdspartnere");
        partners.MapGet("/", async (StabsrumDbContext db, CancellationToken ct) =>
            (await db.ExternalPartners.AsNoTracking().Include(p => p.Contacts).OrderBy(p => p.OrganisationName).ToListAsync(ct)).Select(ExternalPartnerDto.From).ToList())
            .RequireAuthorization(Policies.Read);
        partners.MapGet("/{id:guid}", async Task<Results<Ok<ExternalPartnerDto>, NotFound>> (Guid id, StabsrumDbContext db, CancellationToken ct) =>
            await db.ExternalPartners.AsNoTracking().Include(p => p.Contacts).SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? TypedResults.Ok(ExternalPartnerDto.From(p)) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Read);
        partners.MapPost("/", async Task<Results<Created<ExternalPartnerDto>, Ok<ExternalPartnerDto>, ValidationProblem>> (ExternalPartnerInput input, CatalogueChanges changes, CancellationToken ct) =>
        {
            var (partner, created, errors) = await changes.CreatePartnerAsync(input, ct);
            return partner is null ? errors.Problem()
                : created ? TypedResults.Created($"/api/v1/partners/{partner.Id}", ExternalPartnerDto.From(partner)) : TypedResults.Ok(ExternalPartnerDto.From(partner));
        }).RequireAuthorization(Policies.MaintainRegistry);
        partners.MapPut("/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, ExternalPartnerInput input, CatalogueChanges changes, CancellationToken ct) =>
            Outcome(await changes.UpdatePartnerAsync(id, input, ct))).RequireAuthorization(Policies.MaintainRegistry);
        partners.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, CatalogueChanges changes, CancellationToken ct) =>
            await changes.DeletePartnerAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(Policies.MaintainRegistry);

        app.MapApiGroup("/readiness", "Parathed")
            .MapGet("/", (ReadinessQueries q, CancellationToken ct) => q.LoadAsync(ct)).RequireAuthorization(Policies.Read);
    }

    private static Results<NoContent, NotFound, ValidationProblem> Outcome(ValidationErrors? errors) => errors switch
    {
        null => TypedResults.NotFound(),
        { Any: true } => errors.Problem(),
        _ => TypedResults.NoContent(),
    };

    // ---- Key persons ----

    private static async Task<Results<Ok<KeyPersonDto>, NotFound>> GetPerson(Guid id, KeyPersonQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<KeyPersonDto>, Ok<KeyPersonDto>, ValidationProblem>> CreatePerson(KeyPersonInput input, KeyPersonChanges changes, KeyPersonQueries q, CancellationToken ct)
    {
        var (person, created, errors) = await changes.CreateAsync(input, ct);
        if (person is null)
        {
            return errors.Problem();
        }

        var dto = (await q.GetAsync(person.Id, ct))!;
        return created ? TypedResults.Created($"/api/v1/key-persons/{person.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<KeyPersonDto>, NotFound, ValidationProblem>> UpdatePerson(Guid id, KeyPersonInput input, KeyPersonChanges changes, KeyPersonQueries q, CancellationToken ct) =>
        await changes.UpdateAsync(id, input, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.Ok((await q.GetAsync(id, ct))!),
        };

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeletePerson(Guid id, KeyPersonChanges changes, CancellationToken ct) =>
        Outcome(await changes.DeleteAsync(id, ct));

    private static async Task<Results<NoContent, NotFound>> VerifyPerson(Guid id, KeyPersonChanges changes, CancellationToken ct) =>
        await changes.MarkVerifiedAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportPerson(Guid id, KeyPersonQueries q, CancellationToken ct) =>
        await q.ExportAsync(id, ct) is { } json ? TypedResults.File(json, "application/json", $"noegleperson-{id}.json") : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> ErasePerson(Guid id, KeyPersonChanges changes, CancellationToken ct) =>
        await changes.EraseAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    // ---- Staff roles ----

    private static async Task<List<StaffRoleDto>> ListRoles(StabsrumDbContext db, CancellationToken ct) =>
        await db.StaffRoles.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .Select(r => new StaffRoleDto(r.Id, r.Name, r.Purpose, r.DutiesBefore, r.DutiesDuring, r.DutiesAfter, r.Source, r.SortOrder,
                db.Set<KeyPersonRole>().Count(h => h.RoleId == r.Id)))
            .ToListAsync(ct);

    private static async Task<Results<Ok<StaffRoleDto>, NotFound>> GetRole(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        (await ListRoles(db, ct)).SingleOrDefault(r => r.Id == id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<StaffRoleDto>, Ok<StaffRoleDto>, ValidationProblem>> CreateRole(StaffRoleInput input, CatalogueChanges changes, StabsrumDbContext db, CancellationToken ct)
    {
        var (role, created, errors) = await changes.CreateRoleAsync(input, ct);
        if (role is null)
        {
            return errors.Problem();
        }

        var dto = (await ListRoles(db, ct)).Single(r => r.Id == role.Id);
        return created ? TypedResults.Created($"/api/v1/staff-roles/{role.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UpdateRole(Guid id, StaffRoleInput input, CatalogueChanges changes, CancellationToken ct) =>
        Outcome(await changes.UpdateRoleAsync(id, input, ct));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteRole(Guid id, CatalogueChanges changes, CancellationToken ct) =>
        Outcome(await changes.DeleteRoleAsync(id, ct));

    /// <summary>Takes <c>{"confirm": true}</c>, so a stray form or garbage body changes nothing.</summary>
    public sealed record AddDefaultsInput(bool? Confirm);

    public sealed record AddedDto(int Added);

    private static async Task<Results<Ok<AddedDto>, ValidationProblem>> AddDefaultRoles(AddDefaultsInput input, CatalogueChanges changes, CurrentOrganisation current, CancellationToken ct) =>
        input.Confirm == true
            ? TypedResults.Ok(new AddedDto(await changes.AddDefaultRolesAsync(current.RequireOrganisationId(), ct)))
            : new ValidationErrors().Add("confirm", "Send {\"confirm\": true} for at tilføje standardrollerne.").Problem();

    // ---- Alarm lists ----

    private static async Task<List<AlarmListDto>> ListAlarmLists(StabsrumDbContext db, CancellationToken ct)
    {
        var lists = await db.AlarmLists.AsNoTracking().Include(l => l.Entries).ThenInclude(e => e.Person).Include(l => l.Entries).ThenInclude(e => e.Role)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Name).ToListAsync(ct);
        return lists.Select(ToDto).ToList();
    }

    private static AlarmListDto ToDto(AlarmList l) => new(
        l.Id, l.Name, l.Purpose, l.Mode.ToString(),
        l.Entries.OrderBy(e => e.Position).Select(e => new AlarmEntryDto(e.Position, e.PersonId, e.RoleId, e.Person?.Name ?? e.Role?.Name ?? "?", e.Quorum)).ToList());

    private static async Task<Results<Ok<AlarmListDto>, NotFound>> GetAlarmList(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        (await ListAlarmLists(db, ct)).SingleOrDefault(l => l.Id == id) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Ok<ContactPlanDto>, NotFound>> GetContactSequence(Guid id, StabsrumDbContext db, CurrentOrganisation current, CancellationToken ct) =>
        await ContactSequence.LoadAsync(db, id, current.Can(Permission.MaintainRegistry), ct) is { } directory
            ? TypedResults.Ok(ContactPlanDto.From(ContactSequence.Compute(directory)))
            : TypedResults.NotFound();

    private static async Task<Results<Created<AlarmListDto>, Ok<AlarmListDto>, ValidationProblem>> CreateAlarmList(AlarmListInput input, AlarmListChanges changes, StabsrumDbContext db, CancellationToken ct)
    {
        var (list, created, errors) = await changes.CreateAsync(input, ct);
        if (list is null)
        {
            return errors.Problem();
        }

        var dto = (await ListAlarmLists(db, ct)).Single(l => l.Id == list.Id);
        return created ? TypedResults.Created($"/api/v1/alarm-lists/{list.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> UpdateAlarmList(Guid id, AlarmListInput input, AlarmListChanges changes, CancellationToken ct) =>
        Outcome(await changes.UpdateAsync(id, input, ct));

    private static async Task<Results<NoContent, NotFound>> DeleteAlarmList(Guid id, AlarmListChanges changes, CancellationToken ct) =>
        await changes.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
