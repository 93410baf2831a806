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

        var (token, listId) = await SeedAsync(app.Services);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var inbox = app.Services.GetRequiredService<FakeSmsInbox>();

        Console.WriteLine();
        Console.WriteLine($"Call-out ({People} recipients, notify-all, SMS through HttpSmsGateway → fake gateway)");
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
        while (inbox.Messages.Count < People && fanOut.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(5);
        }

        var fanOutMs = fanOut.Elapsed.TotalMilliseconds;
        Console.WriteLine($"confirm request {confirmMs:0} ms; confirm → {inbox.Messages.Count} messages at the gateway {fanOutMs:0} ms (target ≤ 2000 ms: {(fanOutMs <= 2000 ? "met" : "missed")}), {inbox.Messages.Count / (fanOutMs / 1000):0} msg/s");

        // Answers through the public links as a phone posts the form (no cookie, no hidden fields), 32 at a time. An
        // answer counts when the POST returns 303 (stored and committed); the confirmation page it redirects to is
        // measured separately below.
        var tokens = inbox.Messages.Select(m => AnswerToken().Match(m.Message).Groups[1].Value).ToList();
        var phone = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var timings = new double[tokens.Count];
        var failures = 0;
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
        var ackSeconds = acks.Elapsed.TotalSeconds;
        Array.Sort(timings);
        var perSecond = tokens.Count / ackSeconds;
        Console.WriteLine($"answers via /svar/{{token}}: {tokens.Count} in {ackSeconds:0.00} s = {perSecond:0}/s (target ≥ 500/s: {(perSecond >= 500 ? "met" : "missed")}), p50 {timings[timings.Length / 2]:0.0} ms, p95 {timings[(int)(timings.Length * 0.95)]:0.0} ms, failures {failures}");
        Console.WriteLine($"ratios: fan-out time / target {fanOutMs / 2000:0.00}; answers / target {perSecond / 500:0.00}");

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

    private static async Task<(string Token, Guid ListId)> SeedAsync(IServiceProvider services)
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
        var role = new StaffRole { OrganisationId = org.Id, Name = "Alle" };
        db.StaffRoles.Add(role);
        for (var i = 0; i < People; i++)
        {
            var person = new KeyPerson { OrganisationId = org.Id, Name = $"Person {i:0000}", MobilePhone = $"+4530{i:000000}", CreatedAt = DateTimeOffset.UtcNow };
            db.KeyPersons.Add(person);
            db.KeyPersonRoles.Add(new KeyPersonRole { OrganisationId = org.Id, PersonId = person.Id, RoleId = role.Id });
        }

        var list = new AlarmList { OrganisationId = org.Id, Name = "Alle", Mode = AlarmMode.NotifyAll };
        list.Entries.Add(new AlarmListEntry { OrganisationId = org.Id, Position = 1, RoleId = role.Id, Quorum = People });
        db.AlarmLists.Add(list);
        await db.SaveChangesAsync();
        var issued = await sp.GetRequiredService<PersonalAccessTokenService>().IssueAsync(admin.Id, org.Id, "bench", TimeSpan.FromDays(1));
        return (issued.Token, list.Id);
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    [GeneratedRegex(@"/svar/(\S+)")]
    private static partial Regex AnswerToken();
}
