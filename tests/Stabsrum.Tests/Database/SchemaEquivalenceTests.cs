using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Database;

/// <summary>
/// The gate that keeps hand-written migrations honest: one database built from the EF model
/// (<c>EnsureCreated</c>) and one from the migrations must have the same tables, columns, types,
/// nullability, defaults, keys, indexes and foreign keys. Runs on the engine the suite runs on, so
/// <c>./test.sh</c> proves it for SQLite and PostgreSQL.
/// </summary>
public sealed class SchemaEquivalenceTests
{
    [Fact]
    public async Task Migrations_build_exactly_the_schema_of_the_model()
    {
        await using var fromModel = await TestDatabase.CreateAsync();
        await using var fromMigrations = await TestDatabase.CreateAsync();

        await using (var db = CreateContext(fromModel))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        await using (var db = CreateContext(fromMigrations))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        var expected = await SchemaDescription.ReadAsync(fromModel);
        var actual = await SchemaDescription.ReadAsync(fromMigrations);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"The migrations do not build the model's schema on {fromModel.Provider}.\n"
            + $"In the model but not built by the migrations:\n  {string.Join("\n  ", missing)}\n"
            + $"Built by the migrations but not in the model:\n  {string.Join("\n  ", extra)}");
        Assert.Contains(expected, line => line.StartsWith("table Organisations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = CreateContext(database))
        {
            await db.Database.MigrateAsync();
        }

        var first = await SchemaDescription.ReadAsync(database);
        await using (var db = CreateContext(database))
        {
            await db.Database.MigrateAsync();
        }

        Assert.Equal(first, await SchemaDescription.ReadAsync(database));
    }

    private static StabsrumDbContext CreateContext(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<StabsrumDbContext>();
        DatabaseSetup.Configure(
            options,
            new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString },
            Path.GetTempPath());
        return new StabsrumDbContext(options.Options, new CurrentOrganisation(), TimeProvider.System);
    }
}
