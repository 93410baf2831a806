using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.CrisisLog;

/// <summary>
/// Durability: the real executable as a separate process on the configured engine (PostgreSQL in the PostgreSQL
/// run), concurrent writers recording every 201, <c>kill -9</c> mid-run, restart. Every acknowledged entry is
/// there exactly once, the chain verifies, and writers retrying with the same ids after the restart create no
/// duplicates.
/// </summary>
public sealed partial class KillTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stabsrum-kill-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Every_acknowledged_entry_survives_kill_9_exactly_once_and_retries_do_not_duplicate()
    {
        Assert.Equal(0, (await RunCliAsync("create-admin", "--email", "chef@kill.dk", "--org", "Kill Kommune", "--password", StabsrumFactory.Password)).ExitCode);
        var (tokenExit, tokenOut) = await RunCliAsync("create-token", "--email", "chef@kill.dk", "--org", "Kill Kommune");
        Assert.True(tokenExit == 0, tokenOut);
        var token = TokenPattern().Match(tokenOut).Value;

        var (app, url) = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var incident = await CreateIncidentAsync(http, "Strømsvigt under kill -9");

        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var unknown = new ConcurrentDictionary<Guid, string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = Guid.NewGuid();
                var text = $"Skriver {w} post {i}";
                try
                {
                    using var response = await AppendAsync(http, incident, new { id, kind = "Information", text });
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged[id] = text;
                    }
                    else
                    {
                        unknown[id] = text;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    unknown[id] = text; // no answer: the entry may or may not be stored; the writer will retry
                    await Task.Delay(50);
                }
            }
        })).ToList();

        while (acknowledged.Count < 150)
        {
            await Task.Delay(20);
        }

        app.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flushing
        await app.WaitForExitAsync();
        await Task.Delay(300);
        stop.Cancel();
        await Task.WhenAll(writers);
        app.Dispose();

        var (restarted, newUrl) = await StartAsync();
        using var kill = new ProcessKiller(restarted);
        http.Dispose();
        using var after = new HttpClient { BaseAddress = new Uri(newUrl) };
        after.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Retry every write that got no 201, and a few that did, with the same id and content.
        foreach (var (id, text) in unknown.Concat(acknowledged.Take(20)))
        {
            using var retry = await AppendAsync(after, incident, new { id, kind = "Information", text });
            Assert.True(retry.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"retry {id}: {(int)retry.StatusCode}");
            if (acknowledged.ContainsKey(id))
            {
                Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            }
        }

        var log = await LogAsync(after, incident, "?limit=5000");
        var ids = log.Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(acknowledged.Keys, id => Assert.Contains(id, ids));
        Assert.Equal(1 + acknowledged.Count + unknown.Count, ids.Count); // + "hændelse oprettet"
        var verification = await after.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/log/verify");
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
    }

    private async Task<(Process App, string Url)> StartAsync()
    {
        var app = Start(["--urls", "http://127.0.0.1:0"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await app.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                // Keep draining the app's output so a full pipe never blocks it.
                _ = app.StandardOutput.ReadToEndAsync();
                _ = app.StandardError.ReadToEndAsync();
                return (app, match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("The app exited before listening: " + await app.StandardError.ReadToEndAsync());
    }

    private Process Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Stabsrum.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = _database.Provider.ToString();
        start.Environment["Database__ConnectionString"] = _database.ConnectionString;
        start.Environment["DataProtection__KeysPath"] = Path.Combine(_dir, "keys");
        start.Environment["Security__RequireHttps"] = "false";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        using var cli = Start(args);
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await cli.WaitForExitAsync(timeout.Token);
        return (cli.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"Stabsrum kører på: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"stb_[A-Za-z0-9_-]+")]
    private static partial Regex TokenPattern();

    private sealed class ProcessKiller(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }
    }
}
