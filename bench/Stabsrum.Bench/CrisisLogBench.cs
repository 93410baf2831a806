using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Stabsrum.Bench;

/// <summary>
/// Crisis-log figures: append throughput and latency at 1/50/200 concurrent writers, a raw INSERT baseline of the
/// same row size and concurrency on the same database (PostgreSQL only), SSE fan-out at 100 and 500 subscribers
/// (acknowledged → received), and the process's memory before/after 500 subscribers.
/// </summary>
internal static class CrisisLogBench
{
    private static readonly int[] Writers = [1, 50, 200];
    private static readonly int[] Subscribers = [100, 500];

    public static async Task RunAsync<T>(WebApplicationFactory<T> app, string token, string? postgres)
        where T : class
    {
        HttpClient Client()
        {
            var c = app.CreateClient();
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            c.Timeout = TimeSpan.FromMinutes(2);
            return c;
        }

        var api = Client();
        Console.WriteLine();
        Console.WriteLine("Crisis log");
        Console.WriteLine($"{"case",-34} {"ops",6} {"ops/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
        var appAt = new Dictionary<int, Stats>();
        var rawAt = new Dictionary<int, Stats>();
        foreach (var w in Writers)
        {
            var incident = await CreateIncidentAsync(api, $"Bench {w}");
            appAt[w] = await RunConcurrentAsync($"append over HTTP, {w} writers", w, Math.Max(400, w * 5), async i =>
            {
                using var response = await api.PostAsync($"/api/v1/incidents/{incident}/log", Json(new { id = Guid.NewGuid(), kind = "Information", text = Text(i) }));
                if ((int)response.StatusCode != 201)
                {
                    throw new InvalidOperationException($"append answered {(int)response.StatusCode}");
                }
            });
            if (postgres is not null)
            {
                rawAt[w] = await RawBaselineAsync(postgres, w, Math.Max(400, w * 5));
            }
        }

        if (postgres is not null)
        {
            Console.WriteLine(string.Join("  ", Writers.Select(w => $"ratio app/raw throughput at {w}: {appAt[w].PerSecond / rawAt[w].PerSecond:0.00}")));
        }

        var fanout = new Dictionary<int, Stats>();
        long memoryBefore = 0, memoryAfter = 0;
        foreach (var m in Subscribers)
        {
            var incident = await CreateIncidentAsync(api, $"Fan-out {m}");
            if (m == Subscribers[^1])
            {
                memoryBefore = Memory();
            }

            var (stats, memory) = await FanOutAsync(Client, api, incident, m, 20);
            fanout[m] = stats;
            if (m == Subscribers[^1])
            {
                memoryAfter = memory;
            }
        }

        Console.WriteLine($"memory (working set) before 500 subscribers {memoryBefore / 1024 / 1024} MB, with 500 connected {memoryAfter / 1024 / 1024} MB");
        var ratio200 = postgres is null ? double.NaN : appAt[200].PerSecond / rawAt[200].PerSecond;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SUMMARY crisis log: {appAt[200].PerSecond:0} appends/s at 200 writers, p99 {appAt[200].P99:0.0} ms (target ≤ 50), ratio app/raw {(double.IsNaN(ratio200) ? "n/a (SQLite)" : ratio200.ToString("0.00", CultureInfo.InvariantCulture))} (target ≥ 0.5), fan-out p99 {fanout[500].P99:0.0} ms at 500 subscribers (target ≤ 250)"));
    }

    private static string Text(int i) => $"Bench: vandstand ved pumpestation {i % 17} steget {i % 40} cm, Strandvejen stadig lukket.";

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static async Task<Guid> CreateIncidentAsync(HttpClient api, string title)
    {
        using var response = await api.PostAsync("/api/v1/incidents", Json(new { title, type = "Vejr", isExercise = true }));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<Stats> RunConcurrentAsync(string name, int writers, int total, Func<int, Task> op)
    {
        for (var i = 0; i < Math.Min(20, total); i++)
        {
            await op(-i - 1);
        }

        var timings = new ConcurrentBag<double>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var one = Stopwatch.StartNew();
                await op(i);
                timings.Add(one.Elapsed.TotalMilliseconds);
            }
        })));
        var stats = Stats.Of(timings, clock.Elapsed);
        Console.WriteLine($"{name,-34} {stats.Count,6} {stats.PerSecond,8:0} {stats.P50,8:0.0} {stats.P95,8:0.0} {stats.P99,8:0.0}");
        return stats;
    }

    /// <summary>Single-row INSERTs of a log-entry-sized row, autocommit, same concurrency, same database.</summary>
    private static async Task<Stats> RawBaselineAsync(string postgres, int writers, int total)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres) { MaxPoolSize = Math.Max(100, writers) };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var create = source.CreateCommand("""
            CREATE TABLE IF NOT EXISTS bench_raw_insert (id uuid PRIMARY KEY, incident uuid NOT NULL, seq bigint NOT NULL, kind varchar(20) NOT NULL,
              text varchar(8000) NOT NULL, author varchar(200) NOT NULL, occurred timestamptz NOT NULL, recorded timestamptz NOT NULL,
              previous_hash varchar(64) NOT NULL, hash varchar(64) NOT NULL)
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        var incident = Guid.NewGuid();
        var hash = new string('a', 64);
        return await RunConcurrentAsync($"raw INSERT baseline, {writers} writers", writers, total, async i =>
        {
            await using var insert = source.CreateCommand("INSERT INTO bench_raw_insert VALUES ($1, $2, $3, 'Information', $4, 'Bench', now(), now(), $5, $5)");
            insert.Parameters.AddWithValue(Guid.NewGuid());
            insert.Parameters.AddWithValue(incident);
            insert.Parameters.AddWithValue((long)i);
            insert.Parameters.AddWithValue(Text(i));
            insert.Parameters.AddWithValue(hash);
            await insert.ExecuteNonQueryAsync();
        });
    }

    private static async Task<(Stats Stats, long MemoryWithSubscribers)> FanOutAsync(Func<HttpClient> client, HttpClient writer, Guid incident, int subscribers, int events)
    {
        var received = new ConcurrentDictionary<long, ConcurrentBag<long>>();
        using var stop = new CancellationTokenSource();
        var ready = new CountdownEvent(subscribers);
        var readers = new List<Task>();
        for (var s = 0; s < subscribers; s++)
        {
            var http = client();
            readers.Add(Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/incidents/{incident}/events");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
                ready.Signal();
                try
                {
                    while (await reader.ReadLineAsync(stop.Token) is { } line)
                    {
                        if (line.StartsWith("id: ", StringComparison.Ordinal))
                        {
                            var at = Stopwatch.GetTimestamp();
                            received.GetOrAdd(long.Parse(line[4..], CultureInfo.InvariantCulture), _ => []).Add(at);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }));
        }

        ready.Wait(TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        var memory = Memory();
        var acknowledged = new Dictionary<long, long>();
        for (var i = 0; i < events; i++)
        {
            using var response = await writer.PostAsync($"/api/v1/incidents/{incident}/log", Json(new { id = Guid.NewGuid(), kind = "Information", text = Text(i) }));
            var at = Stopwatch.GetTimestamp();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            acknowledged[json.RootElement.GetProperty("sequence").GetInt64()] = at;
            await Task.Delay(50);
        }

        await Task.Delay(2000);
        stop.Cancel();
        await Task.WhenAll(readers);
        var latencies = acknowledged.SelectMany(a => received.TryGetValue(a.Key, out var times)
            ? times.Select(t => Math.Max(0, Stopwatch.GetElapsedTime(a.Value, t).TotalMilliseconds))
            : []).ToList();
        var missing = (subscribers * events) - latencies.Count;
        var stats = Stats.Of(latencies, TimeSpan.FromSeconds(1));
        Console.WriteLine($"{$"SSE fan-out, {subscribers} subscribers",-34} {latencies.Count,6} {"",8} {stats.P50,8:0.0} {stats.P95,8:0.0} {stats.P99,8:0.0}  (ack→received; {missing} not received)");
        return (stats, memory);
    }

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private sealed record Stats(int Count, double PerSecond, double P50, double P95, double P99)
    {
        public static Stats Of(IEnumerable<double> values, TimeSpan elapsed)
        {
            var sorted = values.Order().ToArray();
            double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))];
            return new Stats(sorted.Length, sorted.Length / elapsed.TotalSeconds, At(0.5), At(0.95), At(0.99));
        }
    }
}
