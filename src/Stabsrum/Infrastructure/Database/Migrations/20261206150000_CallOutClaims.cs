using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// A call-out attempt's claim token: senders claim due attempts in batches with one conditional update and then read
/// back the rows carrying their token (ADR 0012). Hand-written; <c>SchemaEquivalenceTests</c> proves it matches the
/// model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261206150000_CallOutClaims")]
public sealed class CallOutClaims : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<Guid>(name: "ClaimToken", table: "CallOutAttempts", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "ClaimToken", table: "CallOutAttempts");
}
