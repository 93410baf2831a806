using Microsoft.Data.Sqlite;
using Npgsql;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test fixture, on the engine the run was started for:
/// <c>STABSRUM_TEST_PROVIDER=Sqlite|Postgres</c> and, for PostgreSQL, <c>STABSRUM_TEST_POSTGRES</c>
/// (a connection string to a server where the user may create databases; ./test.sh starts one).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> dispose)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _dispose = dispose;
    }

    private static readonly string[] SqliteFileSuffixes = ["", "-wal", "-shm"];
    private readonly Func<ValueTask> _dispose;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static DatabaseProvider ConfiguredProvider =>
        string.Equals(Environment.GetEnvironmentVariable("STABSRUM_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static Task<TestDatabase> CreateAsync() => CreateAsync(ConfiguredProvider);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"stabsrum-test-{Guid.NewGuid():N}.db");
            var cs = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
            return new TestDatabase(provider, cs, () =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in SqliteFileSuffixes)
                {
                    File.Delete(file + suffix);
                }

                return ValueTask.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable("STABSRUM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("STABSRUM_TEST_POSTGRES is not set; run the PostgreSQL tests through ./test.sh.");
        var name = $"stabsrum_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(provider, connection, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public ValueTask DisposeAsync() => _dispose();
}
