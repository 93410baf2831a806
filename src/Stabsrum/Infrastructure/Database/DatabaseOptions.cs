using System.ComponentModel.DataAnnotations;

namespace Stabsrum.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQLite: optional; defaults to <c>data/stabsrum.db</c> under the content root.
    /// For PostgreSQL: required (an Npgsql connection string).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the web application starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}
