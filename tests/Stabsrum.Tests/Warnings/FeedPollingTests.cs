using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.Warnings;
using Stabsrum.Features.Warnings.Feeds;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Warnings;

/// <summary>The app with the background loop off: tests drive polling ticks themselves on the fake clock.</summary>
public sealed class FeedPollingFactory : StabsrumFactory
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Configure<WarningFeedOptions>(o =>
        {
            o.PollingEnabled = false;
            o.RequestTimeout = RequestTimeout;
        });
}

/// <summary>Feed polling against a loopback HTTP server, with the FakeTimeProvider: no sleeping.</summary>
public sealed class FeedPollingTests(FeedPollingFactory app) : IClassFixture<FeedPollingFactory>, IAsyncLifetime
{
    private FeedServer _server = null!;

    private WarningFeedPolling Polling => app.Services.GetRequiredService<WarningFeedPolling>();

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_due_feed_is_fetched_its_alerts_ingested_once_and_polled_again_after_its_interval()
    {
        var org = await app.CreateOrganisationAsync();
        ServeIndex("/feed", "/cap/uk", "/cap/fr", "/cap/uk");
        _server.Serve("/cap/uk", "application/cap+xml", CapCorpus.Bytes("meteoalarm/uk_nothern_ireland_sample_detail.xml"));
        _server.Serve("/cap/fr", "application/cap+xml", CapCorpus.Bytes("meteoalarm/france_sample_detail.xml"));
        var feedId = await AddFeedAsync(org, "/feed", intervalMinutes: 10);

        await Polling.PollDueFeedsAsync(CancellationToken.None);
        var afterFirst = await FeedAsync(org, feedId);
        var warnings = await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.OrderBy(w => w.SourceUrl).ToListAsync());

        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(WarningOrigin.Feed, w.Origin));
        Assert.All(warnings, w => Assert.Equal(feedId, w.FeedId));
        Assert.Equal(2, afterFirst.LastNewCount);
        Assert.Equal(0, afterFirst.ConsecutiveFailures);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(10), afterFirst.NextPollAt!.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        Assert.Equal(1, _server.HitsOn("/cap/uk"));

        // Other tests' feeds share this database, so count hits on our feed, not polled feeds.
        await Polling.PollDueFeedsAsync(CancellationToken.None);
        Assert.Equal(1, _server.HitsOn("/feed"));
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await Polling.PollDueFeedsAsync(CancellationToken.None);
        Assert.Equal(2, _server.HitsOn("/feed"));
        Assert.Equal(1, _server.HitsOn("/cap/uk"));
        Assert.Equal(2, await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.CountAsync()));
    }

    [Fact]
    public async Task Html_instead_of_atom_fails_visibly_with_backoff_and_recovers()
    {
        var org = await app.CreateOrganisationAsync();
        _server.Serve("/html", "text/html", "<!DOCTYPE html><html><body>Service unavailable</body></html>");
        var feedId = await AddFeedAsync(org, "/html", intervalMinutes: 5);

        await Polling.PollDueFeedsAsync(CancellationToken.None);
        var first = await FeedAsync(org, feedId);
        Assert.Equal(1, first.ConsecutiveFailures);
        Assert.Contains("HTML", first.LastError, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(5), first.NextPollAt!.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Polling.PollDueFeedsAsync(CancellationToken.None);
        var second = await FeedAsync(org, feedId);
        Assert.Equal(2, second.ConsecutiveFailures);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(10), second.NextPollAt!.Value, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds

        var admin = await app.CreateUserAsync(org, Stabsrum.Infrastructure.Tenancy.OrganisationRole.Administrator);
        var page = WebUtility.HtmlDecode(await (await app.LoginAsync(admin, org)).GetStringAsync("/haendelser/varsler/feeds"));
        Assert.Contains("fejler (2 gange i træk)", page, StringComparison.Ordinal);
        Assert.Contains("Svaret er en HTML-side", page, StringComparison.Ordinal);

        ServeIndex("/html");
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await Polling.PollDueFeedsAsync(CancellationToken.None);
        var recovered = await FeedAsync(org, feedId);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Null(recovered.LastError);
    }

    [Fact]
    public async Task A_500_is_a_failure_and_so_is_an_alert_error_only_noted()
    {
        var org = await app.CreateOrganisationAsync();
        _server.Serve("/broken", "text/plain", "oops", status: 500);
        var broken = await AddFeedAsync(org, "/broken", intervalMinutes: 1);
        ServeIndex("/partial", "/cap/missing", "/cap/invalid");
        _server.Serve("/cap/invalid", "application/cap+xml", CapCorpus.Bytes("invalid.cap"));
        var partial = await AddFeedAsync(org, "/partial", intervalMinutes: 1);

        await Polling.PollDueFeedsAsync(CancellationToken.None);

        var b = await FeedAsync(org, broken);
        Assert.Equal(1, b.ConsecutiveFailures);
        Assert.Contains("500", b.LastError, StringComparison.Ordinal);
        var p = await FeedAsync(org, partial);
        Assert.Equal(0, p.ConsecutiveFailures);
        Assert.Contains("2 indlæg blev ikke modtaget", p.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.CountAsync()));
    }

    [Fact]
    public async Task A_feed_that_does_not_answer_times_out_on_the_injected_clock()
    {
        var org = await app.CreateOrganisationAsync();
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Routes["/slow"] = async context =>
        {
            requested.TrySetResult();
            await release.Task.WaitAsync(context.RequestAborted);
        };
        var feedId = await AddFeedAsync(org, "/slow", intervalMinutes: 3);

        var poll = Polling.PollDueFeedsAsync(CancellationToken.None);
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(poll.IsCompleted);
        app.Clock.Advance(FeedPollingFactory.RequestTimeout);
        await poll.WaitAsync(TimeSpan.FromSeconds(30));
        release.TrySetResult();

        var feed = await FeedAsync(org, feedId);
        Assert.Equal(1, feed.ConsecutiveFailures);
        Assert.Contains("Intet svar inden for 20 sekunder", feed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_xee_feed_is_refused_and_nothing_is_fetched_from_its_addresses()
    {
        var org = await app.CreateOrganisationAsync();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var target = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
            var xee = File.ReadAllText(CapCorpus.Path("xee.atom")).Replace("googleusercontent.com", target, StringComparison.Ordinal);
            _server.Serve("/xee", "application/atom+xml", xee);
            var feedId = await AddFeedAsync(org, "/xee", intervalMinutes: 5);

            await Polling.PollDueFeedsAsync(CancellationToken.None);

            var feed = await FeedAsync(org, feedId);
            Assert.Contains("DTD", feed.LastError, StringComparison.Ordinal);
            Assert.False(listener.Pending());
            Assert.Equal(0, await app.WithDbAsync(org.Id, async (db, _) => await db.Warnings.CountAsync()));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Disabled_feeds_are_not_polled_and_each_feed_fills_only_its_own_organisation()
    {
        var ours = await app.CreateOrganisationAsync();
        var theirs = await app.CreateOrganisationAsync();
        ServeIndex("/own", "/cap/quake");
        _server.Serve("/cap/quake", "application/cap+xml", CapCorpus.Bytes("earthquake.cap"));
        await AddFeedAsync(ours, "/own", intervalMinutes: 5);
        await AddFeedAsync(theirs, "/own", intervalMinutes: 5, enabled: false);

        await Polling.PollDueFeedsAsync(CancellationToken.None);

        Assert.Equal(1, await app.WithDbAsync(ours.Id, async (db, _) => await db.Warnings.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(theirs.Id, async (db, _) => await db.Warnings.CountAsync()));
    }

    private void ServeIndex(string path, params string[] capPaths)
    {
        var entries = string.Concat(capPaths.Select((p, i) => $"""
            <entry><id>urn:test:{i}</id><title>Varsel {i}</title><updated>2026-12-03T10:00:00Z</updated>
              <link href="{_server.BaseUrl}{p}" type="application/cap+xml"/></entry>
            """));
        _server.Serve(path, "application/atom+xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><id>urn:test</id><title>Test</title><updated>2026-12-03T10:00:00Z</updated>{entries}</feed>
            """.Trim());
    }

    private Task<Guid> AddFeedAsync(TestOrganisation org, string path, int intervalMinutes, bool enabled = true) =>
        app.WithDbAsync(org.Id, async (db, _) =>
        {
            var feed = new WarningFeed
            {
                OrganisationId = org.Id,
                Name = "Test " + path,
                Url = _server.BaseUrl + path,
                IntervalMinutes = intervalMinutes,
                Enabled = enabled,
                NextPollAt = app.Clock.GetUtcNow(),
                CreatedAt = app.Clock.GetUtcNow(),
            };
            db.WarningFeeds.Add(feed);
            await db.SaveChangesAsync();
            return feed.Id;
        });

    private Task<WarningFeed> FeedAsync(TestOrganisation org, Guid id) =>
        app.WithDbAsync(org.Id, async (db, _) => await db.WarningFeeds.AsNoTracking().SingleAsync(f => f.Id == id));
}
