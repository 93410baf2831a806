using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.AnnualWheel;

/// <summary>
/// An organisation's secret calendar URL. The token is the credential (calendar apps cannot log in), so only its hash
/// is stored, it is shown once, and regenerating it revokes the old URL.
/// </summary>
public sealed class CalendarFeed : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    /// <summary>SHA-256 of the token, hex. Named so the audit trail redacts it.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.ToTable("CalendarFeeds");
        e.Property(f => f.TokenHash).HasMaxLength(64);
        e.Property(f => f.CreatedBy).HasMaxLength(256);
        e.HasIndex(f => f.TokenHash).IsUnique();
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record CalendarFeedStatus(bool Active, DateTimeOffset? CreatedAt, string? CreatedBy);

public sealed class CalendarFeedService(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    /// <summary>The feed's events: every open obligation's due dates and every registered source's deadlines from a year back to two years ahead.</summary>
    public const int DaysBack = 365;
    public const int DaysAhead = 730;

    public async Task<CalendarFeedStatus> StatusAsync(CancellationToken ct)
    {
        var feed = await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.RevokedAt == null).OrderByDescending(f => f.CreatedAt).FirstOrDefaultAsync(ct);
        return new CalendarFeedStatus(feed is not null, feed?.CreatedAt, feed?.CreatedBy);
    }

    /// <summary>Revokes any active feed and makes a new one; returns the token, which is never shown again.</summary>
    public async Task<string> RegenerateAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await RevokeActiveAsync(now, ct);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        db.Set<CalendarFeed>().Add(new CalendarFeed
        {
            OrganisationId = current.RequireOrganisationId(),
            TokenHash = Hash(token),
            CreatedAt = now,
            CreatedBy = current.UserName ?? "system",
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<bool> RevokeAsync(CancellationToken ct)
    {
        var revoked = await RevokeActiveAsync(time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return revoked;
    }

    private async Task<bool> RevokeActiveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var active = await db.Set<CalendarFeed>().Where(f => f.RevokedAt == null).ToListAsync(ct);
        foreach (var feed in active)
        {
            feed.RevokedAt = now;
        }

        return active.Count > 0;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The calendar for a token, or null when the token names no active feed. Runs without a signed-in user, so it
    /// scopes by the feed's organisation explicitly.
    /// </summary>
    public static async Task<string?> RenderAsync(StabsrumDbContext db, IEnumerable<IAnnualWheelSource> sources, string token, DateOnly today, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var feed = await db.Set<CalendarFeed>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
        if (feed is null)
        {
            return null;
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == feed.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var obligations = await db.Obligations.IgnoreQueryFilters().AsNoTracking().Where(o => o.OrganisationId == feed.OrganisationId).ToListAsync(ct);
        var from = today.AddDays(-DaysBack);
        var to = today.AddDays(DaysAhead);
        var events = obligations
            .Where(o => !o.IsDone)
            .SelectMany(o => o.Occurrences(from, to).Select(date => new CalendarEvent(
                Uid: $"{o.Id:N}-{date:yyyyMMdd}@stabsrum",
                Date: date,
                Stamp: o.UpdatedAt,
                Summary: o.Title,
                Description: Describe(o))))
            .Concat((await sources.DeadlinesAsync(feed.OrganisationId, from, to, ct)).Select(d => new CalendarEvent(d.Uid, d.Date, d.Stamp, d.Title, d.Description)))
            .OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal)
            .Take(1000);
        return ICalendar.Write($"Årshjul – {organisation}", events);
    }

    private static string Describe(Obligation o)
    {
        var lines = new List<string> { $"Type: {o.Kind.DanishName()}" };
        if (!string.IsNullOrWhiteSpace(o.Owner))
        {
            lines.Add($"Ansvarlig: {o.Owner}");
        }

        lines.Add($"Gentages: {o.Recurrence.DanishName(o.IntervalYears)}");
        if (!string.IsNullOrWhiteSpace(o.Notes))
        {
            lines.Add(o.Notes);
        }

        return string.Join("\n", lines);
    }
}

public static class CalendarFeedEndpoint
{
    public static void MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        // Calendar apps cannot sign in: the unguessable, revocable token in the URL is the credential.
        app.MapGet("/kalender/{token}.ics", async (string token, StabsrumDbContext db, IEnumerable<IAnnualWheelSource> sources, TimeProvider time, HttpContext http, CancellationToken ct) =>
            {
                var calendar = await CalendarFeedService.RenderAsync(db, sources, token, time.Today(), ct);
                if (calendar is null)
                {
                    return Results.NotFound();
                }

                http.Response.Headers.CacheControl = "private, max-age=300";
                return Results.Text(calendar, "text/calendar; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/annual-wheel/calendar-feed").WithTags("Årshjul");
        api.MapGet("/", async (CalendarFeedService feeds, CancellationToken ct) => TypedResults.Ok(await feeds.StatusAsync(ct)))
            .RequireAuthorization(Infrastructure.Security.Policies.MaintainRegistry);
        api.MapPost("/", async (RegenerateFeedInput input, CalendarFeedService feeds, HttpRequest request, CancellationToken ct) =>
            {
                if (input.Regenerate != true)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["regenerate"] = ["Send {\"regenerate\": true} for at lave en ny adresse; den gamle holder op med at virke."] });
                }

                var token = await feeds.RegenerateAsync(ct);
                return Results.Created("/api/v1/annual-wheel/calendar-feed", new RegeneratedFeedDto(FeedUrl(request, token), token));
            })
            .RequireAuthorization(Infrastructure.Security.Policies.MaintainRegistry);
        api.MapDelete("/", async (CalendarFeedService feeds, CancellationToken ct) => await feeds.RevokeAsync(ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization(Infrastructure.Security.Policies.MaintainRegistry);
    }

    public static string FeedUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/kalender/{token}.ics";
}

public sealed record RegenerateFeedInput(bool? Regenerate);

public sealed record RegeneratedFeedDto(string Url, string Token);

public static class CalendarFeedDbSets
{
    extension(StabsrumDbContext db)
    {
        public DbSet<CalendarFeed> CalendarFeeds => db.Set<CalendarFeed>();
    }
}
