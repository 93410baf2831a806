using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Organisations;

public static class OrganisationsApi
{
    public sealed record OrganisationSummaryDto(Guid Id, string Name, string Kind, string Role);

    public sealed record MemberMunicipalityDto(Guid Id, string Name, int Population, decimal SharePercent);

    public sealed record OrganisationDto(
        Guid Id, string Name, string Kind, bool ExerciseMode, bool RequireTwoFactor, string TimeZoneId,
        IReadOnlyList<string> LevelNames, IReadOnlyList<MemberMunicipalityDto> MemberMunicipalities);

    public sealed record MemberDto(Guid Id, Guid UserId, string Email, string DisplayName, string Role);

    public sealed record MemberCreatedDto(MemberDto Member, string? InitialPassword);

    public sealed record CreateOrganisationInput(string? Name, OrganisationKind? Kind);

    public sealed record RoleInput(OrganisationRole Role);

    public static WebApplicationBuilder AddOrganisations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganisationChanges>();
        builder.Services.AddSingleton<IDemoDataContributor, OrganisationDemoData>();
        return builder;
    }

    public static void MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapApiGroup("/organisations", "Organisationer");
        mine.MapGet("/", ListMine).RequireAuthorization(Policies.SignedIn);
        mine.MapPost("/", Create).RequireAuthorization(Policies.Administer);

        var org = app.MapApiGroup("/organisation", "Organisationer");
        org.MapGet("/", GetCurrent).RequireAuthorization(Policies.Read);
        org.MapPut("/", UpdateSettings).RequireAuthorization(Policies.Administer);
        org.MapGet("/members", ListMembers).RequireAuthorization(Policies.Read);
        org.MapPost("/members", AddMember).RequireAuthorization(Policies.Administer);
        org.MapPut("/members/{id:guid}", ChangeRole).RequireAuthorization(Policies.Administer);
        org.MapDelete("/members/{id:guid}", RemoveMember).RequireAuthorization(Policies.Administer);
        org.MapGet("/member-municipalities", ListMemberMunicipalities).RequireAuthorization(Policies.Read);
        org.MapPost("/member-municipalities", AddMemberMunicipality).RequireAuthorization(Policies.Administer);
        org.MapDelete("/member-municipalities/{id:guid}", RemoveMemberMunicipality).RequireAuthorization(Policies.Administer);
    }

    private static async Task<Ok<List<OrganisationSummaryDto>>> ListMine(HttpContext http, StabsrumDbContext db, CancellationToken ct)
    {
        var userId = http.User.UserId();
        var list = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name, m.Organisation.Kind, m.Role })
            .ToListAsync(ct);
        return TypedResults.Ok(list.Select(m => new OrganisationSummaryDto(m.OrganisationId, m.Name, m.Kind.ToString(), m.Role.ToString())).ToList());
    }

    private static async Task<Results<Created<OrganisationDto>, ValidationProblem>> Create(CreateOrganisationInput input, HttpContext http, OrganisationChanges changes, StabsrumDbContext db, CancellationToken ct)
    {
        var (created, errors) = await changes.CreateOrganisationAsync(input.Name, input.Kind, http.User.UserId()!.Value, ct);
        return created is null ? errors.Problem() : TypedResults.Created($"/api/v1/organisations/{created.Id}", ToDto(created, []));
    }

    private static async Task<Results<Ok<OrganisationDto>, NotFound>> GetCurrent(CurrentOrganisation current, StabsrumDbContext db, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().Include(o => o.MemberMunicipalities)
            .SingleOrDefaultAsync(o => o.Id == current.OrganisationId, ct);
        return org is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(org, org.MemberMunicipalities));
    }

    private static async Task<Results<Ok<OrganisationDto>, ValidationProblem>> UpdateSettings(OrganisationSettingsInput input, OrganisationChanges changes, CurrentOrganisation current, StabsrumDbContext db, CancellationToken ct)
    {
        var errors = await changes.UpdateSettingsAsync(input, ct);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var org = await db.Organisations.AsNoTracking().Include(o => o.MemberMunicipalities).SingleAsync(o => o.Id == current.OrganisationId, ct);
        return TypedResults.Ok(ToDto(org, org.MemberMunicipalities));
    }

    private static async Task<Ok<List<MemberDto>>> ListMembers(StabsrumDbContext db, CancellationToken ct)
    {
        var members = await (from m in db.Memberships.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             orderby u.DisplayName
                             select new { m.Id, m.UserId, u.Email, u.DisplayName, m.Role }).ToListAsync(ct);
        return TypedResults.Ok(members.Select(m => new MemberDto(m.Id, m.UserId, m.Email ?? "", m.DisplayName, m.Role.ToString())).ToList());
    }

    private static async Task<Results<Created<MemberCreatedDto>, ValidationProblem>> AddMember(NewMemberInput input, OrganisationChanges changes, StabsrumDbContext db, CancellationToken ct)
    {
        var (added, errors) = await changes.AddMemberAsync(input, ct);
        if (added is null)
        {
            return errors.Problem();
        }

        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == added.Membership.UserId, ct);
        var dto = new MemberDto(added.Membership.Id, user.Id, user.Email ?? "", user.DisplayName, added.Membership.Role.ToString());
        return TypedResults.Created($"/api/v1/organisation/members/{added.Membership.Id}", new MemberCreatedDto(dto, added.InitialPassword));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangeRole(Guid id, RoleInput input, OrganisationChanges changes, CancellationToken ct) =>
        await changes.ChangeRoleAsync(id, input.Role, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.NoContent(),
        };

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> RemoveMember(Guid id, OrganisationChanges changes, CancellationToken ct) =>
        await changes.RemoveMemberAsync(id, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.Problem(),
            _ => TypedResults.NoContent(),
        };

    private static async Task<Ok<List<MemberMunicipalityDto>>> ListMemberMunicipalities(StabsrumDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.MemberMunicipalities.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new MemberMunicipalityDto(m.Id, m.Name, m.Population, m.SharePercent)).ToListAsync(ct));

    private static async Task<Results<Created<MemberMunicipalityDto>, ValidationProblem>> AddMemberMunicipality(MemberMunicipalityInput input, OrganisationChanges changes, CancellationToken ct)
    {
        var (added, errors) = await changes.AddMemberMunicipalityAsync(input, ct);
        return added is null
            ? errors.Problem()
            : TypedResults.Created($"/api/v1/organisation/member-municipalities/{added.Id}", new MemberMunicipalityDto(added.Id, added.Name, added.Population, added.SharePercent));
    }

    private static async Task<Results<NoContent, NotFound>> RemoveMemberMunicipality(Guid id, OrganisationChanges changes, CancellationToken ct) =>
        await changes.RemoveMemberMunicipalityAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static OrganisationDto ToDto(Organisation o, IEnumerable<MemberMunicipality> members) => new(
        o.Id, o.Name, o.Kind.ToString(), o.ExerciseMode, o.RequireTwoFactor, o.TimeZoneId,
        [o.Level0Name, o.Level1Name, o.Level2Name],
        members.OrderBy(m => m.Name).Select(m => new MemberMunicipalityDto(m.Id, m.Name, m.Population, m.SharePercent)).ToList());
}
