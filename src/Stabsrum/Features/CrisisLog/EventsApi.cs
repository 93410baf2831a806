using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.CrisisLog;

/// <summary>
/// The live stream of an incident as Server-Sent Events: one <c>entry</c> event per log entry, its id the
/// entry's sequence number. A reconnecting client sends <c>Last-Event-ID</c> (or <c>?after=</c>) and first gets
/// everything it missed from the database, then live events; duplicates across the seam are skipped by sequence.
/// The API stream takes a token; the page stream (<c>/haendelser/{id}/direkte</c>) the sign-in cookie.
/// </summary>
public static class EventsApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void MapIncidentEvents(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/incidents/{id:guid}/events", "Kriselog").MapGet("/", Stream).RequireAuthorization(Policies.Read);
        app.MapGet("/haendelser/{id:guid}/direkte", Stream).RequireAuthorization(Policies.Read).ExcludeFromDescription();
    }

    private static async Task Stream(Guid id, HttpContext http, StabsrumDbContext db, CrisisLog log, IncidentEvents events, CancellationToken ct)
    {
        var count = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => (long?)i.LogCount).SingleOrDefaultAsync(ct);
        if (count is null)
        {
            await Results.NotFound().ExecuteAsync(http);
            return;
        }

        var raw = http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? http.Request.Query["after"].FirstOrDefault() ?? http.Request.Query["efter"].FirstOrDefault();
        long? after = null;
        if (raw is not null)
        {
            if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > count)
            {
                await TypedResults.Problem($"Last-Event-ID '{Truncate(raw)}' er ikke et sekvensnummer i denne hændelses log (0–{count}).", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
                return;
            }

            after = parsed;
        }

        var cleared = await log.HasClearanceAsync(ct);
        using var subscription = events.Subscribe(db.Current.RequireOrganisationId(), id, cleared, count.Value);

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 2000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        var last = after ?? count.Value;
        if (after is not null)
        {
            // Replay what the client missed, in pages, before switching to live delivery.
            while (true)
            {
                var missed = await IncidentEvents.PrepareAsync(db, id, last, ct);
                foreach (var e in missed)
                {
                    await WriteAsync(http, e, cleared, ct);
                    last = e.Sequence;
                }

                if (missed.Count == 0)
                {
                    break;
                }
            }
        }

        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(Heartbeat);
                bool more;
                try
                {
                    more = await subscription.Events.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": ping\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }

                if (!more)
                {
                    return; // cut off for falling behind; the client reconnects with Last-Event-ID
                }

                while (subscription.Events.TryRead(out var e))
                {
                    if (e.Sequence > last)
                    {
                        await WriteAsync(http, e, cleared, ct, flush: false);
                        last = e.Sequence;
                    }
                }

                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task WriteAsync(HttpContext http, PreparedEvent e, bool cleared, CancellationToken ct, bool flush = true)
    {
        var text = new StringBuilder().Append("id: ").Append(e.Sequence.ToString(CultureInfo.InvariantCulture))
            .Append("\nevent: entry\ndata: ").Append(cleared ? e.Cleared : e.Redacted).Append("\n\n").ToString();
        await http.Response.WriteAsync(text, ct);
        if (flush)
        {
            await http.Response.Body.FlushAsync(ct);
        }
    }

    private static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
