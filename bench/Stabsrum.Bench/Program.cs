using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.Account;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Bench;

// Stabsrum benchmarks: the real application in-process (no network), on a fresh SQLite file or on PostgreSQL
// (STABSRUM_BENCH_POSTGRES=<connection string to an empty database>). Prints figures and ratios; bounded in
// count and time. Usage: dotnet run -c Release --project bench/Stabsrum.Bench [-- --requests 2000]
internal static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        var requests = args.Length >= 2 && args[0] == "--requests" ? int.Parse(args[1], CultureInfo.InvariantCulture) : args.Contains("--callout-only") || args.Contains("--crisis-log-only") ? 100 : 2000;
        var postgres = Environment.GetEnvironmentVariable("STABSRUM_BENCH_POSTGRES");
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"stabsrum-bench-{Guid.NewGuid():N}.db");

        await using var app = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseSolutionRelativeContentRoot("src/Stabsrum", "*.slnx");
            b.UseEnvironment("Production");
            b.UseSetting("Database:Provider", postgres is null ? "Sqlite" : "Postgres");
            b.UseSetting("Database:ConnectionString", postgres ?? $"Data Source={sqliteFile}");
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("Security:RequireHttps", "false");
            b.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetTempPath(), "stabsrum-bench-keys"));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("CallOut:EscalationEnabled", "false"); // the call-out bench runs its own instance on the same database
        });

        var token = await SeedAsync(app.Services);
        var anonymous = app.CreateClient();
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // --case-file-only, --callout-only, --crisis-log-only: one part (all of them take minutes on a small machine).
        var crisisLogOnly = args.Contains("--crisis-log-only");
        if (!args.Contains("--case-file-only") && !args.Contains("--callout-only") && !crisisLogOnly)
        {
            Console.WriteLine($"Stabsrum bench · engine {(postgres is null ? "SQLite" : "PostgreSQL")} · {requests} requests per case · {Environment.ProcessorCount} cores");
            var health = await MeasureAsync("GET /health (database ping)", requests, _ => anonymous.GetAsync("/health"));
            var me = await MeasureAsync("GET /api/v1/me (token + membership)", requests, _ => api.GetAsync("/api/v1/me"));
            var list = await MeasureAsync("GET /api/v1/organisation/members", requests, _ => api.GetAsync("/api/v1/organisation/members"));
            var write = await MeasureAsync("PUT /api/v1/organisation (audited write)", requests / 4, i => api.PutAsync("/api/v1/organisation", new StringContent(
                $$"""{"name":"Bench","level0Name":"Niveau 0 {{i}}","level1Name":"Niveau 1","level2Name":"Niveau 2","timeZoneId":"Europe/Copenhagen"}""", Encoding.UTF8, "application/json")));

            Console.WriteLine();
            Console.WriteLine($"ratio authenticated read / health      : {me.MeanMs / health.MeanMs:0.00}x");
            Console.WriteLine($"ratio audited write / authenticated read: {write.MeanMs / me.MeanMs:0.00}x");
            Console.WriteLine($"ratio member list / me                  : {list.MeanMs / me.MeanMs:0.00}x");
        }

        if (!args.Contains("--case-file-only") && !args.Contains("--callout-only"))
        {
            await CrisisLogBench.RunAsync(app, token, postgres);
        }

        if (!args.Contains("--callout-only") && !crisisLogOnly)
        {
            await CaseFileBench.RunAsync(app, token);
        }

        if (!args.Contains("--case-file-only") && !crisisLogOnly)
        {
            await CallOutBench.RunAsync(postgres);
        }

        if (postgres is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }
    }

    private static async Task<Result> MeasureAsync(string name, int count, Func<int, Task<HttpResponseMessage>> call)
    {
        for (var i = 0; i < Math.Min(50, count); i++)
        {
            (await call(i)).EnsureSuccessStatusCode();
        }

        var timings = new double[count];
        var total = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(60);
        var done = 0;
        for (; done < count && total.Elapsed < deadline; done++)
        {
            var one = Stopwatch.StartNew();
            using var response = await call(done);
            response.EnsureSuccessStatusCode();
            timings[done] = one.Elapsed.TotalMilliseconds;
        }

        var used = timings[..done];
        Array.Sort(used);
        var result = new Result(used.Average(), used[(int)(done * 0.5)], used[Math.Min(done - 1, (int)(done * 0.95))], done / total.Elapsed.TotalSeconds);
        Console.WriteLine($"{name,-45} mean {result.MeanMs,7:0.000} ms  p50 {result.P50Ms,7:0.000} ms  p95 {result.P95Ms,7:0.000} ms  {result.PerSecond,8:0} req/s  (n={done})");
        return result;
    }

    private static async Task<string> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<StabsrumDbContext>();
        var org = new Organisation { Name = "Bench", Kind = OrganisationKind.FaelleskommunaltBeredskab, CreatedAt = DateTimeOffset.UtcNow };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        sp.GetRequiredService<CurrentOrganisation>().EnterAsSystem(org.Id, "bench");
        var users = sp.GetRequiredService<UserManager<StabsrumUser>>();
        StabsrumUser? admin = null;
        for (var i = 0; i < 50; i++)
        {
            var user = new StabsrumUser { UserName = $"u{i}@bench.dk", Email = $"u{i}@bench.dk", DisplayName = $"Bruger {i}", CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user, "Bench-password-123")).Succeeded.ToString();
            db.Memberships.Add(new Membership { UserId = user.Id, Role = i == 0 ? OrganisationRole.Administrator : OrganisationRole.Stabsmedlem, CreatedAt = DateTimeOffset.UtcNow });
            admin ??= user;
        }

        await db.SaveChangesAsync();
        var issued = await sp.GetRequiredService<PersonalAccessTokenService>().IssueAsync(admin!.Id, org.Id, "bench", TimeSpan.FromDays(1));
        return issued.Token;
    }
}

internal sealed record Result(double MeanMs, double P50Ms, double P95Ms, double PerSecond);
