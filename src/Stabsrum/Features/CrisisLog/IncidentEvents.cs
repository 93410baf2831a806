using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CrisisLog;

/// <summary>"Incident X has entries up to <see cref="Sequence"/>": all a signal carries; the entry itself is read once.</summary>
public sealed record IncidentSignal(Guid OrganisationId, Guid IncidentId, long Sequence);

/// <summary>One prepared event: the same entry as JSON for readers with clearance and for readers without.</summary>
public sealed record PreparedEvent(long Sequence, string Cleared, string Redacted);

/// <summary>
/// The in-process fan-out of an incident's live stream. Writers announce a signal after their transaction
/// committed; one loop reads each new entry from the database once and hands the prepared JSON to every
/// subscriber's own queue, so the cost per event is one query, not one per subscriber. On PostgreSQL the
/// same signal also goes out as NOTIFY (sent inside the writer's transaction, so delivered only on commit)
/// and <see cref="PostgresIncidentListener"/> feeds other instances' loops.
/// </summary>
public sealed class IncidentEvents(IServiceScopeFactory scopes, ILogger<IncidentEvents> logger) : BackgroundService
{
    public const string NotifyChannel = "stabsrum_incident_log";
    private const int SubscriberQueue = 2048;

    // Danish letters stay readable on the wire; the page inserts text with textContent, never as HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly Channel<IncidentSignal> _signals = Channel.CreateUnbounded<IncidentSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, Audience> _audiences = new();
    private readonly ConditionalWeakTable<DbContext, List<IncidentSignal>> _pending = new();

    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>Queues a signal to go out when the DbContext's transaction commits (never on rollback).</summary>
    public async Task AnnounceAfterCommitAsync(StabsrumDbContext db, IncidentSignal signal, CancellationToken ct)
    {
        var pending = _pending.GetValue(db, _ => []);
        lock (pending)
        {
            pending.Add(signal);
        }

        if (!db.IsSqlite())
        {
            var payload = $"{InstanceId}|{signal.OrganisationId}|{signal.IncidentId}|{signal.Sequence}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({NotifyChannel}, {payload})", ct);
        }
    }

    internal void Committed(DbContext db)
    {
        if (_pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            lock (pending)
            {
                foreach (var signal in pending)
                {
                    Signal(signal);
                }
            }
        }
    }

    internal void RolledBack(DbContext db) => _pending.Remove(db);

    public void Signal(IncidentSignal signal) => _signals.Writer.TryWrite(signal);

    /// <summary>Listeners on other instances reconnected: anything might have been missed, so look again.</summary>
    public void SignalAllWatched()
    {
        foreach (var (incidentId, audience) in _audiences)
        {
            Signal(new IncidentSignal(audience.OrganisationId, incidentId, 0));
        }
    }

    public int SubscriberCount => _audiences.Values.Sum(a => a.Count);

    /// <summary>
    /// Starts receiving an incident's events. <paramref name="knownCount"/> is the log's length as the caller last
    /// read it: the first subscriber's cursor starts there, later subscribers share the existing cursor.
    /// </summary>
    public Subscription Subscribe(Guid organisationId, Guid incidentId, bool cleared, long knownCount)
    {
        var audience = _audiences.GetOrAdd(incidentId, _ => new Audience(organisationId, knownCount));
        var subscription = new Subscription(this, incidentId, cleared, Channel.CreateBounded<PreparedEvent>(new BoundedChannelOptions(SubscriberQueue) { SingleReader = true, SingleWriter = true }));
        audience.Add(subscription);
        return subscription;
    }

    internal void Unsubscribe(Subscription subscription)
    {
        if (_audiences.TryGetValue(subscription.IncidentId, out var audience) && audience.Remove(subscription) == 0)
        {
            _audiences.TryRemove(new KeyValuePair<Guid, Audience>(subscription.IncidentId, audience));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<IncidentSignal>();
        while (await _signals.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (_signals.Reader.TryRead(out var signal))
            {
                batch.Add(signal);
            }

            foreach (var group in batch.GroupBy(s => s.IncidentId))
            {
                if (!_audiences.TryGetValue(group.Key, out var audience) || group.Max(s => s.Sequence) is var newest && newest != 0 && newest <= audience.Cursor)
                {
                    continue;
                }

                try
                {
                    await DeliverAsync(group.First().OrganisationId, group.Key, audience, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Could not deliver live events for incident {IncidentId}", group.Key);
                }
            }
        }
    }

    private async Task DeliverAsync(Guid organisationId, Guid incidentId, Audience audience, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(organisationId, "live");
        var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
        var cursor = audience.Cursor;
        var prepared = await PrepareAsync(db, incidentId, cursor, ct);
        foreach (var item in prepared)
        {
            audience.Deliver(item);
            audience.Cursor = Math.Max(audience.Cursor, item.Sequence);
        }
    }

    /// <summary>Entries after <paramref name="after"/> as prepared events; used for live delivery and for replay on resume.</summary>
    public static async Task<List<PreparedEvent>> PrepareAsync(StabsrumDbContext db, Guid incidentId, long after, CancellationToken ct, int max = 500)
    {
        var entries = await db.CrisisLogEntries.AsNoTracking().Where(e => e.IncidentId == incidentId && e.Sequence > after)
            .OrderBy(e => e.Sequence).Take(max).ToListAsync(ct);
        if (entries.Count == 0)
        {
            return [];
        }

        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incidentId, ct);
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incident.OrganisationId, ct);
        var state = LogEntryView.State(incident, org);
        var staff = entries.Any(e => e.Subject == LogSubject.Staff) ? await LogEntryView.StaffAsync(db, incidentId, ct) : null;
        var cleared = await LogEntryView.ToDtosAsync(db, entries, cleared: true, ct);
        var redacted = entries.Select((e, i) => e.Classification == LogClassification.Fortrolig ? LogEntryView.ToDto(e, false, cleared[i].CorrectedBy, []) : cleared[i]).ToList();
        return entries.Select((e, i) => new PreparedEvent(
            e.Sequence,
            Serialize(new IncidentEventDto(cleared[i], state, staff)),
            ReferenceEquals(redacted[i], cleared[i]) ? Serialize(new IncidentEventDto(cleared[i], state, staff)) : Serialize(new IncidentEventDto(redacted[i], state, staff)))).ToList();
    }

    private sealed class Audience(Guid organisationId, long cursor)
    {
        private readonly List<Subscription> _subscribers = [];

        public Guid OrganisationId { get; } = organisationId;

        public long Cursor { get; set; } = cursor;

        public int Count
        {
            get
            {
                lock (_subscribers)
                {
                    return _subscribers.Count;
                }
            }
        }

        public void Add(Subscription s)
        {
            lock (_subscribers)
            {
                _subscribers.Add(s);
            }
        }

        public int Remove(Subscription s)
        {
            lock (_subscribers)
            {
                _subscribers.Remove(s);
                return _subscribers.Count;
            }
        }

        public void Deliver(PreparedEvent e)
        {
            lock (_subscribers)
            {
                foreach (var s in _subscribers)
                {
                    s.Offer(e);
                }
            }
        }
    }
}

/// <summary>One reader's queue. A reader that falls too far behind is cut off and resumes with Last-Event-ID.</summary>
public sealed class Subscription(IncidentEvents owner, Guid incidentId, bool cleared, Channel<PreparedEvent> queue) : IDisposable
{
    public Guid IncidentId { get; } = incidentId;

    public bool Cleared { get; } = cleared;

    public ChannelReader<PreparedEvent> Events => queue.Reader;

    internal void Offer(PreparedEvent e)
    {
        if (!queue.Writer.TryWrite(e))
        {
            queue.Writer.TryComplete();
        }
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        owner.Unsubscribe(this);
    }
}

/// <summary>Tells <see cref="IncidentEvents"/> when a transaction that wrote log entries committed or rolled back.</summary>
internal sealed class IncidentEventsInterceptor(IncidentEvents events) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            events.Committed(db);
        }
    }

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            events.RolledBack(db);
        }
    }

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }
}
