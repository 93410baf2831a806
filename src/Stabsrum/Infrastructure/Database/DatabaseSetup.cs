using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Stabsrum.Infrastructure.Database;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres.")
            .ValidateOnStart();

        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddDbContext<StabsrumDbContext>((services, options) =>
        {
            var db = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            Configure(options, db, contentRoot);
        });
        builder.Services.AddScoped<DatabaseMigrator>();
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db, string contentRoot)
    {
        switch (db.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(db.ConnectionString, npgsql => npgsql.CommandTimeout(db.CommandTimeoutSeconds));
                break;
            default:
                options.UseSqlite(SqliteConnectionString(db, contentRoot), sqlite => sqlite.CommandTimeout(db.CommandTimeoutSeconds));
                options.AddInterceptors(new EngineQuirks.SqliteConnectionSetup());
                break;
        }

        // Migrations are hand-written (the EF design-time package is not available), so there is no model
        // snapshot for EF to compare against. The schema-equivalence test is the gate instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static string SqliteConnectionString(DatabaseOptions db, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(db.ConnectionString ?? "");
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, "data", "stabsrum.db");
        }

        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }
}

/// <summary>Applies the hand-written migrations; used at start-up and by <c>stabsrum migrate</c>.</summary>
public sealed class DatabaseMigrator(StabsrumDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        return pending;
    }
}
