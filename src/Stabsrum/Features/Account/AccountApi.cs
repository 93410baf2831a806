using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Account;

public static class AccountApi
{
    public sealed record MembershipDto(Guid OrganisationId, string OrganisationName, string Role, bool Current);

    public sealed record MeDto(Guid Id, string Email, string DisplayName, bool TwoFactorEnabled, Guid? CurrentOrganisationId, IReadOnlyList<MembershipDto> Organisations);

    public sealed record TokenDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

    public static void MapMeApi(this IEndpointRouteBuilder app) =>
        app.MapApiGroup("/me", "Konto").MapGet("/", GetMe).RequireAuthorization(Policies.SignedIn);

    public static void MapAccountApi(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapApiGroup("/tokens", "Konto").RequireAuthorization(Policies.Read);
        tokens.MapGet("/", ListTokens);
        tokens.MapDelete("/{id:guid}", RevokeToken);
    }

    private static async Task<Results<Ok<MeDto>, NotFound>> GetMe(HttpContext http, StabsrumDbContext db, CurrentOrganisation current, CancellationToken ct)
    {
        var userId = http.User.UserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        // A user's own memberships span organisations by definition.
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name, m.Role })
            .ToListAsync(ct);
        return TypedResults.Ok(new MeDto(
            user.Id, user.Email ?? "", user.DisplayName, user.TwoFactorEnabled, current.OrganisationId,
            memberships.Select(m => new MembershipDto(m.OrganisationId, m.Name, m.Role.DanishName(), m.OrganisationId == current.OrganisationId)).ToList()));
    }

    private static async Task<Ok<List<TokenDto>>> ListTokens(CurrentOrganisation current, StabsrumDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == current.UserId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenDto(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(ct));

    private static async Task<Results<NoContent, NotFound>> RevokeToken(Guid id, CurrentOrganisation current, PersonalAccessTokenService tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(id, current.UserId!.Value, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
