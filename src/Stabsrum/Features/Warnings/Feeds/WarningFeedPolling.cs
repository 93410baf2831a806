using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Infrastructure.Background;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings.Feeds;

/// <summary>
/// Background service: every tick, polls the enabled feeds that are due (any organisation), each in its own
/// scope acting for its organisation. State (next poll, failures) is in the database, so a restart resumes.
/// </summary>
public sealed partial class WarningFeedPolling(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<WarningFeedOptions> options,
    ILogger<WarningFeedPolling> logger) : PeriodicJob(time, logger)
{
    protected override bool Enabled => options.Value.PollingEnabled;

    protected override TimeSpan Interval => options.Value.Tick;

    public override Task RunOnceAsync(CancellationToken ct) => PollDueFeedsAsync(ct);

    /// <summary>One tick: polls every due feed once. Returns how many feeds were polled.</summary>
    public async Task<int> PollDueFeedsAsync(CancellationToken ct)
    {
        List<(Guid Id, Guid OrganisationId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
            var now = Time.GetUtcNow();
            due = (await db.WarningFeeds.IgnoreQueryFilters().AsNoTracking()
                .Where(f => f.Enabled && f.NextPollAt != null && f.NextPollAt <= now)
                .Select(f => new { f.Id, f.OrganisationId })
                .ToListAsync(ct))
                .Select(f => (f.Id, f.OrganisationId)).ToList();
        }

        foreach (var (id, organisationId) in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(organisationId, "feed");
                var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
                if (await db.WarningFeeds.FirstOrDefaultAsync(f => f.Id == id, ct) is { Enabled: true } feed)
                {
                    await scope.ServiceProvider.GetRequiredService<WarningFeedPoller>().PollAsync(feed, ct);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogFeedFailed(Logger, id, ex);
            }
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling warning feed {FeedId} failed unexpectedly")]
    private static partial void LogFeedFailed(ILogger logger, Guid feedId, Exception ex);
}
