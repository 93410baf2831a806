using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Database;

/// <summary>
/// A database's schema as sorted lines of text (one per table, column, index and constraint), read from the
/// engine's own catalogue, so two schemas compare with a set difference and a failure names what differs.
/// </summary>
internal static class SchemaDescription
{
    private const string MigrationsHistory = "__EFMigrationsHistory";

    /// <summary>EF's own migration lock table (SQLite), made by Migrate and not part of our model.</summary>
    private const string MigrationsLock = "__EFMigrationsLock";

    public static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database)
    {
        var lines = database.Provider == DatabaseProvider.Sqlite
            ? await ReadSqliteAsync(database.ConnectionString)
            : await ReadPostgresAsync(database.ConnectionString);
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> ReadSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('{MigrationsHistory}', '{MigrationsLock}')", r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')", r =>
                $"column {table}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} default={Value(r, 3)} pk={r.GetInt64(4)}"));
            lines.AddRange(await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}')", r =>
                $"foreign key {table}.{r.GetString(1)} -> {r.GetString(0)}.{Value(r, 2)} update={r.GetString(3)} delete={r.GetString(4)}"));

            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')", r =>
                (Name: r.GetString(0), Unique: r.GetInt64(1), Origin: r.GetString(2), Partial: r.GetInt64(3)));
            foreach (var index in indexes)
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno", r => Value(r, 0));
                // Automatic indexes behind PRIMARY KEY/UNIQUE constraints get engine-made names; name them by their columns.
                var name = index.Origin == "c" ? index.Name : index.Origin;
                var filter = index.Partial == 1
                    ? await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index.Name}'", r => Value(r, 0))
                    : [];
                lines.Add($"index {table}.{name} unique={index.Unique} ({string.Join(", ", columns)}) {string.Join("", filter.Select(WhereClause))}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(connection, $"""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_name <> '{MigrationsHistory}'
            """, r => $"table {r.GetString(0)}"));
        lines.AddRange(await QueryAsync(connection, $"""
            SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length, column_default,
                   is_identity, identity_generation, numeric_precision, numeric_scale
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '{MigrationsHistory}'
            """, r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}/{r.GetString(3)} nullable={r.GetString(4)} "
                + $"length={Value(r, 5)} default={Value(r, 6)} identity={Value(r, 7)}/{Value(r, 8)} numeric={Value(r, 9)},{Value(r, 10)}"));
        lines.AddRange(await QueryAsync(connection, $"""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.connamespace = 'public'::regnamespace AND c.conrelid::regclass::text NOT LIKE '%{MigrationsHistory}%'
            """, r => $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        lines.AddRange(await QueryAsync(connection, $"""
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '{MigrationsHistory}'
            """, r => $"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        return lines;
    }

    private static string WhereClause(string sql)
    {
        var at = sql.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : "where" + sql[(at + 6)..];
    }

    private static string Value(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? "null" : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture)!;

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
        {
            result.Add(read(reader));
        }

        return result;
    }
}
