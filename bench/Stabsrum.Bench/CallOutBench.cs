using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.Account;
using Stabsrum.Features.CallOut;
using Stabsrum.Features.Organisations;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Bench;

/// <summary>
/// Call-out figures: a 1,000-person notify-all call-out through the real HTTP SMS gateway code to the fake gateway
/// endpoint (in-process): time from the confirm request to the 1,000th message received by the gateway (target ≤ 2 s),
/// and answers per second through the public answer links (target ≥ 500/s).
/// </summary>
internal static partial class CallOutBench
{
    private const int People = 1000;
    private const int WarmUpPeople = People;
    private static readonly string[] SmsOnly = ["Sms"];

    public static async Task RunAsync(string? postgres)
    {
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"stabsrum-bench-callout-{Guid.NewGuid():N}.db");
        await using var app = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseSolutionRelativeContentRoot("src/Stabsrum", "*.slnx");
            b.UseEnvironment("Testing"); // the fake SMS gateway endpoint exists only in Development/Testing
            b.UseSetting("Database:Provider", postgres is null ? "Sqlite" : "Postgres");
            b.UseSetting("Database:ConnectionString", postgres ?? $"Data Source={sqliteFile}");
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("Security:RequireHttps", "false");
            b.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetTempPath(), "stabsrum-bench-keys"));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("CallOut:PublicUrl", "http://localhost");
            b.UseSetting("CallOut:Sms:Url", "http://localhost" + FakeSmsGatewayEndpoint.Path);
            b.UseSetting("CallOut:SendParallelism", "32");
            b.ConfigureServices(s => s.AddHttpClient(HttpSmsGateway.ClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler()));
        });

        var (token, listId, warmUpListId) = await SeedAsync(app.Services);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var phone = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        // A warm-up round first, as any benchmark does: a fresh process spends the first thousand requests of a code
        // path compiling it (tiered JIT); a server that has run for an hour does not. Its figures are not reported.
        await RoundAsync(app, api, phone, warmUpListId, WarmUpPeople);

        Console.WriteLine();
        Console.WriteLine($"Call-out ({People} recipients, notify-all, SMS through HttpSmsGateway → fake gateway; after a warm-up round of {WarmUpPeople})");
        var round = await RoundAsync(app, api, phone, listId, People);
        Console.WriteLine($"confirm request {round.ConfirmMs:0} ms; confirm → {People} messages at the gateway {round.FanOutMs:0} ms (target ≤ 2000 ms: {(round.FanOutMs <= 2000 ? "met" : "missed")}), {People / (round.FanOutMs / 1000):0} msg/s");
        Console.WriteLine($"confirm → every message's result recorded {round.SettledMs:0} ms (the answers below start after this)");
        var timings = round.Timings;
        var perSecond = People / round.AnswerSeconds;
        Console.WriteLine($"answers via /svar/{{token}}: {People} in {round.AnswerSeconds:0.00} s = {perSecond:0}/s (target ≥ 500/s: {(perSecond >= 500 ? "met" : "missed")}), p50 {timings[timings.Length / 2]:0.0} ms, p95 {timings[(int)(timings.Length * 0.95)]:0.0} ms, failures {round.Failures}, CPU {round.CpuMsPerAnswer:0.00} ms per answer (app, job and bench client; the database not counted)");
        await HealthBaselineAsync(phone);
        Console.WriteLine($"ratios: fan-out time / target {round.FanOutMs / 2000:0.00}; answers / target {perSecond / 500:0.00}");
        var tokens = round.Tokens;
        var id = round.Id;

        // The page a phone shows after the redirect ("Tak, … Dit svar er registreret"), 100 of them one at a time.
        var pages = new double[100];
        for (var i = 0; i < pages.Length; i++)
        {
            var one = Stopwatch.StartNew();
            var done = await phone.GetStringAsync($"/svar/{tokens[i]}");
            pages[i] = one.Elapsed.TotalMilliseconds;
            if (!done.Contains("Dit svar er registreret", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The confirmation page does not show the stored answer.");
            }
        }

        Array.Sort(pages);
        Console.WriteLine($"confirmation page after the redirect (GET, sequential): p50 {pages[50]:0.0} ms, p95 {pages[95]:0.0} ms");

        var status = await api.GetStringAsync($"/api/v1/callouts/{id}");
        using var doc = JsonDocument.Parse(status);
        var kommer = doc.RootElement.GetProperty("recipients").EnumerateArray().Count(r => r.GetProperty("response").ValueKind == JsonValueKind.String && r.GetProperty("response").GetString() == "Kommer");
        Console.WriteLine($"board after the answers: {kommer} Kommer of {People}; status {doc.RootElement.GetProperty("status").GetString()}");
    }

    private sealed record Round(Guid Id, List<string> Tokens, double ConfirmMs, double FanOutMs, double SettledMs, double AnswerSeconds, double[] Timings, int Failures, double CpuMsPerAnswer);

    /// <summary>One call-out to a list of <paramref name="people"/>: compose, confirm, wait for the gateway, answer every link.</summary>
    private static async Task<Round> RoundAsync(WebApplicationFactory<global::Program> app, HttpClient api, HttpClient phone, Guid listId, int people)
    {
        var inbox = app.Services.GetRequiredService<FakeSmsInbox>();
        var before = inbox.Messages.Count;
        var id = Guid.CreateVersion7();
        using (var composed = await api.PostAsync("/api/v1/callouts", Json(new { id, message = "Bench: krisestaben indkaldes", alarmListIds = new[] { listId }, channels = SmsOnly })))
        {
            composed.EnsureSuccessStatusCode();
        }

        var fanOut = Stopwatch.StartNew();
        using (var confirmed = await api.PostAsync($"/api/v1/callouts/{id}/confirm", Json(new { secondConfirmation = true })))
        {
            confirmed.EnsureSuccessStatusCode();
        }

        var confirmMs = fanOut.Elapsed.TotalMilliseconds;
        while (inbox.Messages.Count < before + people && fanOut.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(5);
        }

        var fanOutMs = fanOut.Elapsed.TotalMilliseconds;

        // The sender goes on recording each message's result (sent, the provider's id) after the gateway has it. The
        // answers are measured once that is done, so the figure is the answers' own; the time it takes is reported.
        while (await UnsettledAttemptsAsync(app.Services, id) > 0 && fanOut.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(20);
        }

        var settledMs = fanOut.Elapsed.TotalMilliseconds;

        // Answers through the public links as a phone posts the form (no cookie, no hidden fields), 32 at a time. An
        // answer counts when the POST returns 303 (stored and committed).
        var tokens = inbox.Messages.Skip(before).Select(m => AnswerToken().Match(m.Message).Groups[1].Value).ToList();
        var timings = new double[tokens.Count];
        var failures = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var acks = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var one = Stopwatch.StartNew();
            using var response = await phone.PostAsync($"/svar/{tokens[i]}", new FormUrlEncodedContent([
                new("Choice", i % 5 == 0 ? "kan-ikke" : "kommer"), new("EtaMinutes", (i % 60).ToString(CultureInfo.InvariantCulture))]), ct);
            timings[i] = one.Elapsed.TotalMilliseconds;
            if (response.StatusCode != System.Net.HttpStatusCode.SeeOther)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var answerSeconds = acks.Elapsed.TotalSeconds;
        var cpuPerAnswer = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / tokens.Count;
        Array.Sort(timings);
        return new Round(id, tokens, confirmMs, fanOutMs, settledMs, answerSeconds, timings, failures, cpuPerAnswer);
    }

    // The same client and concurrency on the cheapest request there is: what the pipeline alone costs on this machine.
    private static async Task HealthBaselineAsync(HttpClient client)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, People), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) =>
        {
            using var response = await client.GetAsync("/health", ct);
        });
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / People;
        Console.WriteLine($"baseline GET /health (database ping), same client and concurrency: {People / clock.Elapsed.TotalSeconds:0}/s, CPU {cpu:0.00} ms per request");
    }

    private static async Task<int> UnsettledAttemptsAsync(IServiceProvider services, Guid callOutId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StabsrumDbContext>().CallOutAttempts.IgnoreQueryFilters()
            .CountAsync(a => a.CallOutId == callOutId && (a.Status == AttemptStatus.Queued || a.Status == AttemptStatus.Sending));
    }

    private static async Task<(string Token, Guid ListId, Guid WarmUpListId)> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<StabsrumDbContext>();
        var org = new Organisation { Name = $"Bench alarmering {Guid.NewGuid():N}", Kind = OrganisationKind.Kommune, CreatedAt = DateTimeOffset.UtcNow };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        sp.GetRequiredService<CurrentOrganisation>().EnterAsSystem(org.Id, "bench");
        var users = sp.GetRequiredService<UserManager<StabsrumUser>>();
        var email = $"alarm-{Guid.NewGuid():N}@bench.dk";
        var admin = new StabsrumUser { UserName = email, Email = email, DisplayName = "Bench", CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(admin, "Bench-password-123")).Succeeded.ToString();
        db.Memberships.Add(new Membership { UserId = admin.Id, Role = OrganisationRole.Administrator, CreatedAt = DateTimeOffset.UtcNow });
        var list = AddList(db, org.Id, "Alle", People, 0);
        var warmUp = AddList(db, org.Id, "Opvarmning", WarmUpPeople, People);
        await db.SaveChangesAsync();
        var issued = await sp.GetRequiredService<PersonalAccessTokenService>().IssueAsync(admin.Id, org.Id, "bench", TimeSpan.FromDays(1));
        return (issued.Token, list.Id, warmUp.Id);
    }

    /// <summary>A notify-all list of one role held by <paramref name="people"/> new persons (phones numbered from <paramref name="first"/>).</summary>
    private static AlarmList AddList(StabsrumDbContext db, Guid organisationId, string name, int people, int first)
    {
        var role = new StaffRole { OrganisationId = organisationId, Name = name };
        db.StaffRoles.Add(role);
        for (var i = first; i < first + people; i++)
        {
            var person = new KeyPerson { OrganisationId = organisationId, Name = $"Person {i:0000}", MobilePhone = $"+4530{i:000000}", CreatedAt = DateTimeOffset.UtcNow };
            db.KeyPersons.Add(person);
            db.KeyPersonRoles.Add(new KeyPersonRole { OrganisationId = organisationId, PersonId = person.Id, RoleId = role.Id });
        }

        var list = new AlarmList { OrganisationId = organisationId, Name = name, Mode = AlarmMode.NotifyAll };
        list.Entries.Add(new AlarmListEntry { OrganisationId = organisationId, Position = 1, RoleId = role.Id, Quorum = people });
        db.AlarmLists.Add(list);
        return list;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    [GeneratedRegex(@"/svar/(\S+)")]
    private static partial Regex AnswerToken();
}
