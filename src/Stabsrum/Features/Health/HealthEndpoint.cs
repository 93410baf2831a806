using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Health;

public static class HealthEndpoint
{
    public sealed record HealthReport(string Status, string Database, string Provider);

    /// <summary>For load balancers and monitoring: 200 when the database answers, 503 when it does not.</summary>
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async Task<IResult> (StabsrumDbContext db, CancellationToken ct) =>
        {
            var reachable = await CanConnectAsync(db, ct);
            var report = new HealthReport(reachable ? "Healthy" : "Unhealthy", reachable ? "reachable" : "unreachable", db.IsSqlite() ? "Sqlite" : "Postgres");
            return reachable ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        })
        .AllowAnonymous()
        .WithName("Health")
        .ExcludeFromDescription();

    private static async Task<bool> CanConnectAsync(StabsrumDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
