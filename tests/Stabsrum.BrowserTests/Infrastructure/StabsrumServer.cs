using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CallOut;

namespace Stabsrum.BrowserTests.Infrastructure;

/// <summary>
/// The real application on a real Kestrel port on loopback, with a fresh SQLite file loaded with the demo
/// data, so a browser can reach it. Migrations and demo seeding run exactly as on <c>dotnet run</c>. SMS go through
/// the real HTTP gateway code to the app's own fake gateway endpoint (<see cref="SmsInbox"/> holds what it got).
/// </summary>
public sealed class StabsrumServer : WebApplicationFactory<Program>
{
    private static readonly string[] SqliteFileSuffixes = ["", "-wal", "-shm"];
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"stabsrum-browser-{Guid.NewGuid():N}.db");

    public StabsrumServer() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c>; set by <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The SMS the app sent (the fake gateway's record), e.g. to follow a recipient's answer link.</summary>
    public FakeSmsInbox SmsInbox => Services.GetRequiredService<FakeSmsInbox>();

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", new SqliteConnectionStringBuilder { DataSource = _databaseFile }.ToString());
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Security:RequireHttps", "false");

        // The port is chosen when Kestrel starts, after the options are read: the gateway URL names a placeholder host
        // that a handler points at the real address on each request.
        builder.UseSetting("CallOut:Sms:Url", "http://sms-gateway.invalid" + FakeSmsGatewayEndpoint.Path);
        builder.ConfigureServices(services => services.AddHttpClient(HttpSmsGateway.ClientName)
            .AddHttpMessageHandler(() => new ToOwnAddress(() => BaseAddress)));
    }

    private sealed class ToOwnAddress(Func<Uri> address) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(address(), request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in SqliteFileSuffixes)
        {
            File.Delete(_databaseFile + suffix);
        }
    }
}
