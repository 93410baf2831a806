using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Features.Warnings.Cap;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Warnings.Feeds;

/// <summary>
/// Polls one feed: fetches the Atom index, follows each new entry's CAP link and hands the alert to the intake.
/// A feed that times out, answers an error or is not Atom counts as a failure: the feed shows it, and the next
/// attempt waits longer (interval × 2^(failures−1), capped). Alerts already stored (by address) are not fetched again.
/// </summary>
public sealed partial class WarningFeedPoller(
    StabsrumDbContext db,
    WarningIntake intake,
    IHttpClientFactory clients,
    TimeProvider time,
    IOptions<WarningFeedOptions> options,
    ILogger<WarningFeedPoller> logger)
{
    public const string HttpClientName = "warning-feeds";

    public async Task PollAsync(WarningFeed feed, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        string? failure;
        string? note = null;
        var created = 0;
        try
        {
            (failure, note, created) = await FetchAndIngestAsync(feed, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            failure = $"Intet svar inden for {options.Value.RequestTimeout.TotalSeconds:0} sekunder.";
        }
        catch (HttpRequestException ex)
        {
            failure = "Feedet kunne ikke hentes: " + ex.Message;
        }

        // A racing duplicate makes the intake clear the change tracker; then update a fresh copy of the feed.
        if (db.Entry(feed).State == EntityState.Detached)
        {
            feed = await db.WarningFeeds.FirstAsync(f => f.Id == feed.Id, ct);
        }

        var finished = time.GetUtcNow();
        feed.LastPolledAt = started;
        if (failure is null)
        {
            feed.ConsecutiveFailures = 0;
            feed.LastError = note;
            feed.LastSuccessAt = finished;
            feed.LastNewCount = created;
            feed.NextPollAt = finished.AddMinutes(feed.IntervalMinutes);
        }
        else
        {
            feed.ConsecutiveFailures++;
            feed.LastError = failure.Length > 1000 ? failure[..999] + "…" : failure;
            feed.NextPollAt = finished + Backoff(feed.IntervalMinutes, feed.ConsecutiveFailures);
            LogFailure(logger, feed.Name, feed.ConsecutiveFailures, failure);
        }

        await db.SaveChangesAsync(ct);
    }

    public TimeSpan Backoff(int intervalMinutes, int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 16));
        var wait = TimeSpan.FromMinutes(intervalMinutes * factor);
        return wait < options.Value.MaxBackoff ? wait : options.Value.MaxBackoff;
    }

    /// <summary>Failure: the feed itself failed. Note: some entries were not received (shown, but no backoff).</summary>
    private async Task<(string? Failure, string? Note, int Created)> FetchAndIngestAsync(WarningFeed feed, CancellationToken ct)
    {
        var feedUrl = new Uri(feed.Url);
        var (status, body) = await GetAsync(feedUrl, ct);
        if (status != HttpStatusCode.OK)
        {
            return ($"Feedet svarede {(int)status} ({status}).", null, 0);
        }

        if (body is null)
        {
            return ($"Feedet er større end {SafeXml.DefaultMaxBytes:N0} byte.", null, 0);
        }

        var index = AtomIndex.Read(body, feedUrl);
        if (index.Error is not null)
        {
            return (index.Error, null, 0);
        }

        var known = await db.Warnings.AsNoTracking().Where(w => w.FeedId == feed.Id && w.SourceUrl != null)
            .Select(w => w.SourceUrl!).ToListAsync(ct);
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        var created = 0;
        var entryProblems = new List<string>();
        foreach (var entry in index.Entries.Where(e => !knownSet.Contains(e.SourceKey)).Take(options.Value.MaxAlertsPerPoll))
        {
            byte[]? alert;
            if (entry.InlineAlert is { } inline)
            {
                alert = System.Text.Encoding.UTF8.GetBytes(inline);
            }
            else
            {
                HttpStatusCode alertStatus;
                (alertStatus, alert) = await GetAsync(entry.CapUrl!, ct);
                if (alertStatus != HttpStatusCode.OK || alert is null)
                {
                    entryProblems.Add($"{entry.CapUrl}: svar {(int)alertStatus}");
                    continue;
                }
            }

            var result = await intake.IngestCapAsync(alert, new CapSource(WarningOrigin.Feed, "feed: " + feed.Name, feed.Name, entry.SourceKey, feed.Id), ct);
            switch (result.Outcome)
            {
                case IntakeOutcome.Created:
                    created++;
                    break;
                case IntakeOutcome.Refused:
                    entryProblems.Add($"{entry.SourceKey}: {result.Errors[0]}");
                    break;
            }
        }

        // Entry problems are shown but do not make the feed "failing": the feed itself answered.
        var note = entryProblems.Count == 0 ? null : $"{entryProblems.Count} indlæg blev ikke modtaget, fx {entryProblems[0]}";
        return (null, note is { Length: > 1000 } ? note[..999] + "…" : note, created);
    }

    /// <summary>GET with the clock-based timeout and the size ceiling; body null when too large.</summary>
    private async Task<(HttpStatusCode Status, byte[]? Body)> GetAsync(Uri url, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var client = clients.CreateClient(HttpClientName);
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }

        if (response.Content.Headers.ContentLength > SafeXml.DefaultMaxBytes)
        {
            return (response.StatusCode, null);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
        return (response.StatusCode, await WarningsApi.ReadLimitedAsync(stream, SafeXml.DefaultMaxBytes, linked.Token));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warning feed {Feed} failed ({Failures} in a row): {Failure}")]
    private static partial void LogFailure(ILogger logger, string feed, int failures, string failure);
}
