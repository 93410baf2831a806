using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Audit;

public sealed record AuditFilter(string? EntityType, string? Actor, DateTimeOffset? From, DateTimeOffset? To, int Limit = 200);

public sealed record AuditEntryDto(Guid Id, DateTimeOffset OccurredAt, string Actor, string EntityType, string EntityId, string Action, string Changes);

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapApiGroup("/audit", "Revisionsspor").MapGet("/", List).RequireAuthorization(Policies.Administer);

    private static async Task<Ok<List<AuditEntryDto>>> List([AsParameters] AuditQuery query, StabsrumDbContext db, CurrentOrganisation current, CancellationToken ct) =>
        TypedResults.Ok(await Query(db, current, new AuditFilter(query.EntityType, query.Actor, query.From, query.To, query.Limit ?? 200)).ToListAsync(ct));

    public sealed record AuditQuery(string? EntityType, string? Actor, DateTimeOffset? From, DateTimeOffset? To, int? Limit);

    /// <summary>The audit trail is not org-owned (a user's own account has no organisation), so it is scoped explicitly here.</summary>
    public static IQueryable<AuditEntryDto> Query(StabsrumDbContext db, CurrentOrganisation current, AuditFilter filter)
    {
        var orgId = current.RequireOrganisationId();
        var query = db.AuditTrail.AsNoTracking().Where(a => a.OrganisationId == orgId);
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLower();
            query = query.Where(a => a.Actor.ToLower().Contains(actor));
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.OccurredAt <= to);
        }

        return query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(filter.Limit, 1, 1000))
            .Select(a => new AuditEntryDto(a.Id, a.OccurredAt, a.Actor, a.EntityType, a.EntityId, a.Action, a.Changes));
    }
}
