using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// Situation pictures (versions with per-unit sections), the rapporteringsordning and unit reports, and the record of
/// case-file exports. Hand-written; <c>SchemaEquivalenceTests</c> proves it matches the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261206120000_Situation")]
public sealed class Situation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = EngineQuirks.Timestamp(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "SituationPictures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Overall = table.Column<string>(maxLength: 8000, nullable: false),
                Consequences = table.Column<string>(maxLength: 8000, nullable: false),
                ResourcesCommitted = table.Column<string>(maxLength: 8000, nullable: false),
                ResourcesAvailable = table.Column<string>(maxLength: 8000, nullable: false),
                ResourcesNeeded = table.Column<string>(maxLength: 8000, nullable: false),
                ExpectedDevelopment = table.Column<string>(maxLength: 8000, nullable: false),
                Communication = table.Column<string>(maxLength: 8000, nullable: false),
                Decisions = table.Column<string>(maxLength: 8000, nullable: false),
                NextMeetingAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                NextUpdateDue = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                SeededThroughSequence = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 200, nullable: false),
                PublishedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                PublishedBy = table.Column<string>(maxLength: 200, nullable: true),
                PublishedEntryId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SituationPictures", x => x.Id);
                table.ForeignKey("FK_SituationPictures_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SituationUnitSections",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PictureId = table.Column<Guid>(nullable: false),
                Unit = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SituationUnitSections", x => x.Id);
                table.ForeignKey("FK_SituationUnitSections_SituationPictures_PictureId", x => x.PictureId, "SituationPictures", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReportingUnits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                Unit = table.Column<string>(maxLength: 200, nullable: false),
                IntervalMinutes = table.Column<int>(nullable: false),
                Since = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportingUnits", x => x.Id);
                table.ForeignKey("FK_ReportingUnits_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "UnitReports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                Unit = table.Column<string>(maxLength: 200, nullable: false),
                Situation = table.Column<string>(maxLength: 4000, nullable: false),
                Needs = table.Column<string>(maxLength: 4000, nullable: true),
                ReportedBy = table.Column<string>(maxLength: 200, nullable: false),
                ReportedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                LogEntryId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UnitReports", x => x.Id);
                table.ForeignKey("FK_UnitReports_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseFileExports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                ExportedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ExportedBy = table.Column<string>(maxLength: 200, nullable: false),
                IncludedConfidential = table.Column<bool>(nullable: false),
                LogEntries = table.Column<long>(nullable: false),
                ChainIntact = table.Column<bool>(nullable: false),
                PdfSha256 = table.Column<string>(maxLength: 64, nullable: false),
                ZipSha256 = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseFileExports", x => x.Id);
                table.ForeignKey("FK_CaseFileExports_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_SituationPictures_IncidentId_Version", "SituationPictures", ["IncidentId", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_SituationPictures_OrganisationId", "SituationPictures", "OrganisationId");
        migrationBuilder.CreateIndex("IX_SituationUnitSections_PictureId_SortOrder", "SituationUnitSections", ["PictureId", "SortOrder"]);
        migrationBuilder.CreateIndex("IX_ReportingUnits_IncidentId_Unit", "ReportingUnits", ["IncidentId", "Unit"], unique: true);
        migrationBuilder.CreateIndex("IX_ReportingUnits_OrganisationId", "ReportingUnits", "OrganisationId");
        migrationBuilder.CreateIndex("IX_UnitReports_IncidentId_ReportedAt", "UnitReports", ["IncidentId", "ReportedAt"]);
        migrationBuilder.CreateIndex("IX_UnitReports_OrganisationId", "UnitReports", "OrganisationId");
        migrationBuilder.CreateIndex("IX_CaseFileExports_IncidentId_ExportedAt", "CaseFileExports", ["IncidentId", "ExportedAt"]);
        migrationBuilder.CreateIndex("IX_CaseFileExports_OrganisationId", "CaseFileExports", "OrganisationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "CaseFileExports", "UnitReports", "ReportingUnits", "SituationUnitSections", "SituationPictures" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
