using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Infrastructure.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load demo data into an empty database at start-up. On for <c>dotnet run</c> (Development), off in production.</summary>
    public bool Enabled { get; set; }

    public string Password { get; set; } = "Stabsrum-demo-2026";
}

/// <summary>
/// A feature's demo data. Contributors run in <see cref="Order"/> on an empty database only, in one
/// transaction, so a half-seeded database never exists. Later features add their own contributor.
/// </summary>
public interface IDemoDataContributor
{
    int Order { get; }

    Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken);

    /// <summary>Lines printed at start-up (e.g. the demo logins).</summary>
    IEnumerable<string> Describe(DemoOptions options) => [];
}

public static class DemoData
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        return builder;
    }

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StabsrumDbContext>();
        if (db.Organisations.Any())
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var contributor in scope.ServiceProvider.GetServices<IDemoDataContributor>().OrderBy(c => c.Order))
        {
            await contributor.SeedAsync(scope.ServiceProvider, options, app.Lifetime.ApplicationStopping);
        }

        await transaction.CommitAsync();
        app.Logger.LogInformation("Demo data loaded.");
    }

    public static void PrintStartupBanner(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
            Console.WriteLine();
            Console.WriteLine("Stabsrum kører på: " + string.Join(", ", addresses));
            if (options.Enabled)
            {
                foreach (var line in app.Services.GetServices<IDemoDataContributor>().OrderBy(c => c.Order).SelectMany(c => c.Describe(options)))
                {
                    Console.WriteLine(line);
                }
            }

            Console.WriteLine();
        });
}
