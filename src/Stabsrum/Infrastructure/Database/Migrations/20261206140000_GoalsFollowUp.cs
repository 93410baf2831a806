using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// A reporting line's first deadline, from which the årshjul repeats it at the line's frequency. Hand-written;
/// <c>SchemaEquivalenceTests</c> proves it matches the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261206140000_GoalsFollowUp")]
public sealed class GoalsFollowUp : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateOnly>(name: "FirstDueOn", table: "GoalReportingLines", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "FirstDueOn", table: "GoalReportingLines");
}
