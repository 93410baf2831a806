using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Stabsrum.BrowserTests.Infrastructure;

/// <summary>
/// The real application on a real Kestrel port on loopback, with a fresh SQLite file loaded with the demo
/// data, so a browser can reach it. Migrations and demo seeding run exactly as on <c>dotnet run</c>.
/// </summary>
public sealed class StabsrumServer : WebApplicationFactory<Program>
{
    private static readonly string[] SqliteFileSuffixes = ["", "-wal", "-shm"];
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"stabsrum-browser-{Guid.NewGuid():N}.db");

    public StabsrumServer() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c>; set by <see cref="Start"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

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
