using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// Tasks and written orders with their status history, action cards activated in incidents, and resource requests
/// (anmodninger om bistand) with their steps and the own resources committed to them. Hand-written;
/// <c>SchemaEquivalenceTests</c> proves it matches the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261206110000_Tasks")]
public sealed class Tasks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = EngineQuirks.Timestamp(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "StaffTasks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                OwnerName = table.Column<string>(maxLength: 200, nullable: true),
                OwnerKeyPersonId = table.Column<Guid>(nullable: true),
                OwnerRole = table.Column<string>(maxLength: 200, nullable: true),
                OwnerUserId = table.Column<Guid>(nullable: true),
                Deadline = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                Priority = table.Column<string>(maxLength: 40, nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                StatusReason = table.Column<string>(maxLength: 2000, nullable: true),
                OriginKind = table.Column<string>(maxLength: 40, nullable: false),
                OriginId = table.Column<Guid>(nullable: true),
                OriginLabel = table.Column<string>(maxLength: 500, nullable: true),
                Recipient = table.Column<string>(maxLength: 200, nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedByUserId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                CompletedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffTasks", x => x.Id);
                table.ForeignKey("FK_StaffTasks_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_StaffTasks_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StaffTaskStatusChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                TaskId = table.Column<Guid>(nullable: false),
                FromStatus = table.Column<string>(maxLength: 40, nullable: true),
                ToStatus = table.Column<string>(maxLength: 40, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                ChangedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ChangedBy = table.Column<string>(maxLength: 256, nullable: false),
                ChangedByUserId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffTaskStatusChanges", x => x.Id);
                table.ForeignKey("FK_StaffTaskStatusChanges_StaffTasks_TaskId", x => x.TaskId, "StaffTasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActionCardActivations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                ActionCardId = table.Column<Guid>(nullable: false),
                ActionCardVersionId = table.Column<Guid>(nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
                CardTitle = table.Column<string>(maxLength: 200, nullable: false),
                ActivatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ActivatedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActionCardActivations", x => x.Id);
                table.ForeignKey("FK_ActionCardActivations_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ResourceRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                RequesterKind = table.Column<string>(maxLength: 40, nullable: false),
                RequesterName = table.Column<string>(maxLength: 200, nullable: false),
                What = table.Column<string>(maxLength: 500, nullable: false),
                Quantity = table.Column<int>(nullable: false),
                Unit = table.Column<string>(maxLength: 50, nullable: true),
                Location = table.Column<string>(maxLength: 200, nullable: false),
                NeededBy = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                Contact = table.Column<string>(maxLength: 200, nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                ForwardedTo = table.Column<string>(maxLength: 200, nullable: true),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResourceRequests", x => x.Id);
                table.ForeignKey("FK_ResourceRequests_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ResourceRequestSteps",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                RequestId = table.Column<Guid>(nullable: false),
                FromStatus = table.Column<string>(maxLength: 40, nullable: true),
                ToStatus = table.Column<string>(maxLength: 40, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                ChangedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ChangedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResourceRequestSteps", x => x.Id);
                table.ForeignKey("FK_ResourceRequestSteps_ResourceRequests_RequestId", x => x.RequestId, "ResourceRequests", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ResourceCommitments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                RequestId = table.Column<Guid>(nullable: false),
                ResourceId = table.Column<Guid>(nullable: false),
                ResourceName = table.Column<string>(maxLength: 200, nullable: false),
                Quantity = table.Column<int>(nullable: false),
                CommittedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ReleasedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ResourceCommitments", x => x.Id);
                table.ForeignKey("FK_ResourceCommitments_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ResourceCommitments_ResourceRequests_RequestId", x => x.RequestId, "ResourceRequests", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_StaffTasks_IncidentId", "StaffTasks", "IncidentId");
        migrationBuilder.CreateIndex("IX_StaffTasks_OrganisationId_IncidentId_Status", "StaffTasks", ["OrganisationId", "IncidentId", "Status"]);
        migrationBuilder.CreateIndex("IX_StaffTasks_OriginKind_OriginId", "StaffTasks", ["OriginKind", "OriginId"]);
        migrationBuilder.CreateIndex("IX_StaffTaskStatusChanges_TaskId_ChangedAt", "StaffTaskStatusChanges", ["TaskId", "ChangedAt"]);
        migrationBuilder.CreateIndex("IX_ActionCardActivations_IncidentId_ActionCardVersionId", "ActionCardActivations", ["IncidentId", "ActionCardVersionId"], unique: true);
        migrationBuilder.CreateIndex("IX_ActionCardActivations_OrganisationId", "ActionCardActivations", "OrganisationId");
        migrationBuilder.CreateIndex("IX_ResourceRequests_IncidentId_Status", "ResourceRequests", ["IncidentId", "Status"]);
        migrationBuilder.CreateIndex("IX_ResourceRequests_OrganisationId", "ResourceRequests", "OrganisationId");
        migrationBuilder.CreateIndex("IX_ResourceRequestSteps_RequestId_ChangedAt", "ResourceRequestSteps", ["RequestId", "ChangedAt"]);
        migrationBuilder.CreateIndex("IX_ResourceCommitments_IncidentId", "ResourceCommitments", "IncidentId");
        migrationBuilder.CreateIndex("IX_ResourceCommitments_OrganisationId_ResourceId", "ResourceCommitments", ["OrganisationId", "ResourceId"]);
        migrationBuilder.CreateIndex("IX_ResourceCommitments_RequestId", "ResourceCommitments", "RequestId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ResourceCommitments", "ResourceRequestSteps", "ResourceRequests", "ActionCardActivations", "StaffTaskStatusChanges", "StaffTasks" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
