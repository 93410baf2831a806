using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Stabsrum.Tests.Health;

/// <summary>
/// The shipped executable, started as a separate process exactly as an operator would, against an empty SQLite
/// file: it must migrate, load demo data, print its URL and logins, and serve /health. The CLI subcommands then
/// create a first administrator and a token that the running app accepts.
/// </summary>
public sealed partial class ProcessStartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stabsrum-process-").FullName;

    private static string AppDll => Path.Combine(AppContext.BaseDirectory, "Stabsrum.dll");

    [Fact]
    public async Task The_app_starts_on_an_empty_database_and_the_cli_creates_an_admin_and_a_token_it_accepts()
    {
        using var app = Start(["--urls", "http://127.0.0.1:0"], "Development");
        using var stop = new ProcessKiller(app);
        var url = await WaitForLineAsync(app, ListeningOn());
        var banner = await WaitForLineAsync(app, new Regex("admin@4k\\.demo"));

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("reachable", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("admin@4k.demo", banner, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "stabsrum.db")));

        var (adminExit, adminOut) = await RunCliAsync("create-admin", "--email", "chef@ishoej.dk", "--org", "Ishøj Beredskab", "--name", "Beredskabschef");
        Assert.True(adminExit == 0, adminOut);
        Assert.Contains("Midlertidig adgangskode", adminOut, StringComparison.Ordinal);

        var (tokenExit, tokenOut) = await RunCliAsync("create-token", "--email", "chef@ishoej.dk", "--org", "Ishøj Beredskab", "--days", "7");
        Assert.True(tokenExit == 0, tokenOut);
        var token = TokenPattern().Match(tokenOut).Value;
        Assert.StartsWith("stb_", token, StringComparison.Ordinal);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await http.GetStringAsync("/api/v1/me");
        Assert.Contains("chef@ishoej.dk", me, StringComparison.Ordinal);
        Assert.Contains("Ishøj Beredskab", me, StringComparison.Ordinal);

        var (badExit, badOut) = await RunCliAsync("create-token", "--email", "findes@ikke.dk", "--org", "Ishøj Beredskab");
        Assert.Equal(2, badExit);
        Assert.Contains("findes ikke", badOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_is_idempotent()
    {
        var (first, firstOut) = await RunCliAsync("migrate");
        var (second, secondOut) = await RunCliAsync("migrate");

        Assert.True(first == 0, firstOut);
        Assert.Contains("Anvendte", firstOut, StringComparison.Ordinal);
        Assert.True(second == 0, secondOut);
        Assert.Contains("ingen migreringer manglede", secondOut, StringComparison.Ordinal);
    }

    private Process Start(IEnumerable<string> args, string environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AppDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = "Data Source=" + Path.Combine(_dir, "stabsrum.db");
        start.Environment["DataProtection__KeysPath"] = Path.Combine(_dir, "keys");
        start.Environment["Security__RequireHttps"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        using var cli = Start(args, "Production");
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await cli.WaitForExitAsync(timeout.Token);
        return (cli.ExitCode, await output + await error);
    }

    private static async Task<string> WaitForLineAsync(Process process, Regex pattern)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = pattern.Match(line);
            if (match.Success)
            {
                return match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : line;
            }
        }

        throw new InvalidOperationException($"The app exited before printing /{pattern}/: {await process.StandardError.ReadToEndAsync()}");
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
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
