using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Stabsrum.Infrastructure.Database;

/// <summary>
/// Everything that differs between SQLite and PostgreSQL lives here, so features never test the engine.
/// </summary>
internal static class EngineQuirks
{
    /// <summary>
    /// SQLite has no timestamp type and EF Core cannot ORDER BY or compare DateTimeOffset stored as text.
    /// We store every instant as UTC ticks (INTEGER), which orders and compares correctly.
    /// PostgreSQL stores them natively as <c>timestamp with time zone</c>.
    /// </summary>
    public static void ConfigureConventions(ModelConfigurationBuilder builder, bool isSqlite)
    {
        if (isSqlite)
        {
            builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    /// <summary>Column type for an instant, for hand-written migrations.</summary>
    public static string Timestamp(string? activeProvider) =>
        IsSqlite(activeProvider) ? "INTEGER" : "timestamp with time zone";

    public static bool IsSqlite(string? providerName) =>
        providerName == "Microsoft.EntityFrameworkCore.Sqlite";

    public static bool IsSqlite(this DbContext db) => IsSqlite(db.Database.ProviderName);

    internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
    {
        public UtcTicksConverter()
            : base(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero))
        {
        }
    }

    /// <summary>
    /// Per-connection SQLite settings. WAL lets readers and the writer work at once; synchronous=FULL
    /// makes a committed transaction survive power loss (an acknowledged log entry is never lost);
    /// foreign keys are off by default in SQLite; busy_timeout makes a second writer wait instead of failing.
    /// SQLite's built-in lower() folds ASCII only, so "Høje-Taastrup" would not match "HØJE": we replace it
    /// with a Unicode-aware one, which makes case-insensitive search behave as on PostgreSQL.
    /// </summary>
    internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            Configure(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Configure(connection);
            return Task.CompletedTask;
        }

        private static void Configure(DbConnection connection)
        {
            if (connection is not SqliteConnection sqlite)
            {
                return;
            }

            using (var command = sqlite.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
                command.ExecuteNonQuery();
            }

            sqlite.CreateFunction("lower", (string? value) => value?.ToLowerInvariant(), isDeterministic: true);
            sqlite.CreateFunction("upper", (string? value) => value?.ToUpperInvariant(), isDeterministic: true);
        }
    }
}
