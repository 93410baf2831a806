using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// Incidents, incident types, authority rules, the crisis log with attachments, the crisis staff and their roles;
/// position and clearance on memberships. Hand-written; <c>SchemaEquivalenceTests</c> proves it matches the model.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261203110000_CrisisLog")]
public sealed class CrisisLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = EngineQuirks.Timestamp(migrationBuilder.ActiveProvider);

        migrationBuilder.AddColumn<string>("Position", "Memberships", maxLength: 80, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<bool>("ConfidentialClearance", "Memberships", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "Incidents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 80, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                Area = table.Column<string>(maxLength: 200, nullable: false),
                StartedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                IsExercise = table.Column<bool>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Level = table.Column<int>(nullable: false),
                Phase = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ClosedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                LogCount = table.Column<long>(nullable: false),
                LogHeadHash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Incidents", x => x.Id);
                table.ForeignKey("FK_Incidents_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IncidentTypes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 80, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IncidentTypes", x => x.Id);
                table.ForeignKey("FK_IncidentTypes_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IncidentAuthorityRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Position = table.Column<string>(maxLength: 80, nullable: false),
                MaxLevel = table.Column<int>(nullable: false),
                MayClose = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IncidentAuthorityRules", x => x.Id);
                table.ForeignKey("FK_IncidentAuthorityRules_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CrisisLogEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: false),
                DecidedBy = table.Column<string>(maxLength: 200, nullable: true),
                Rationale = table.Column<string>(maxLength: 4000, nullable: true),
                Recipient = table.Column<string>(maxLength: 200, nullable: true),
                OccurredAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                Significant = table.Column<bool>(nullable: false),
                Classification = table.Column<string>(maxLength: 20, nullable: false),
                CorrectsEntryId = table.Column<Guid>(nullable: true),
                AcknowledgesEntryId = table.Column<Guid>(nullable: true),
                Subject = table.Column<string>(maxLength: 30, nullable: false),
                HandoverOpen = table.Column<string>(maxLength: 4000, nullable: true),
                HandoverWatch = table.Column<string>(maxLength: 4000, nullable: true),
                AuthorUserId = table.Column<Guid>(nullable: true),
                AuthorName = table.Column<string>(maxLength: 200, nullable: false),
                PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CrisisLogEntries", x => x.Id);
                table.ForeignKey("FK_CrisisLogEntries_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CrisisLogAttachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                UploadedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CrisisLogAttachments", x => x.Id);
                table.ForeignKey("FK_CrisisLogAttachments_CrisisLogEntries_EntryId", x => x.EntryId, "CrisisLogEntries", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "StaffMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                JoinedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                LeftAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffMembers", x => x.Id);
                table.ForeignKey("FK_StaffMembers_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StaffRoleAssignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: false),
                RoleName = table.Column<string>(maxLength: 80, nullable: false),
                AssumedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                RenouncedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffRoleAssignments", x => x.Id);
                table.ForeignKey("FK_StaffRoleAssignments_StaffMembers_StaffMemberId", x => x.StaffMemberId, "StaffMembers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Incidents_OrganisationId_Status", "Incidents", ["OrganisationId", "Status"]);
        migrationBuilder.CreateIndex("IX_IncidentTypes_OrganisationId_Name", "IncidentTypes", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_IncidentAuthorityRules_OrganisationId_Position", "IncidentAuthorityRules", ["OrganisationId", "Position"], unique: true);
        migrationBuilder.CreateIndex("IX_CrisisLogEntries_IncidentId_Sequence", "CrisisLogEntries", ["IncidentId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_CrisisLogEntries_OrganisationId", "CrisisLogEntries", "OrganisationId");
        migrationBuilder.CreateIndex("IX_CrisisLogAttachments_EntryId", "CrisisLogAttachments", "EntryId");
        migrationBuilder.CreateIndex("IX_CrisisLogAttachments_OrganisationId", "CrisisLogAttachments", "OrganisationId");
        migrationBuilder.CreateIndex("IX_StaffMembers_IncidentId", "StaffMembers", "IncidentId");
        migrationBuilder.CreateIndex("IX_StaffMembers_OrganisationId", "StaffMembers", "OrganisationId");
        migrationBuilder.CreateIndex("IX_StaffRoleAssignments_IncidentId_RoleName", "StaffRoleAssignments", ["IncidentId", "RoleName"]);
        migrationBuilder.CreateIndex("IX_StaffRoleAssignments_OrganisationId", "StaffRoleAssignments", "OrganisationId");
        migrationBuilder.CreateIndex("IX_StaffRoleAssignments_StaffMemberId", "StaffRoleAssignments", "StaffMemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("StaffRoleAssignments");
        migrationBuilder.DropTable("StaffMembers");
        migrationBuilder.DropTable("CrisisLogAttachments");
        migrationBuilder.DropTable("CrisisLogEntries");
        migrationBuilder.DropTable("IncidentAuthorityRules");
        migrationBuilder.DropTable("IncidentTypes");
        migrationBuilder.DropTable("Incidents");
        migrationBuilder.DropColumn("ConfidentialClearance", "Memberships");
        migrationBuilder.DropColumn("Position", "Memberships");
    }
}
