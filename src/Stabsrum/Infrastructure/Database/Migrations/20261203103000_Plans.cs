using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// Plans register with document versions, the årshjul with reminder state and calendar feeds, templates and
/// action cards. Hand-written; <c>SchemaEquivalenceTests</c> proves it matches the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261203103000_Plans")]
public sealed class Plans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = EngineQuirks.Timestamp(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "Plans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 40, nullable: false),
                OwnerUnit = table.Column<string>(maxLength: 200, nullable: false),
                ResponsiblePerson = table.Column<string>(maxLength: 200, nullable: false),
                ApprovedBy = table.Column<string>(maxLength: 200, nullable: true),
                ApprovedOn = table.Column<DateOnly>(nullable: true),
                SentToAgencyOn = table.Column<DateOnly>(nullable: true),
                LastExercisedOn = table.Column<DateOnly>(nullable: true),
                LastEvaluatedOn = table.Column<DateOnly>(nullable: true),
                LastEvaluationNote = table.Column<string>(maxLength: 2000, nullable: true),
                ReminderEmail = table.Column<string>(maxLength: 256, nullable: true),
                Archived = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Plans", x => x.Id);
                table.ForeignKey("FK_Plans_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PlanDocumentVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                UploadedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                UploadedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanDocumentVersions", x => x.Id);
                table.ForeignKey("FK_PlanDocumentVersions_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PlanDocumentContents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Content = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanDocumentContents", x => x.Id);
                table.ForeignKey("FK_PlanDocumentContents_PlanDocumentVersions_Id", x => x.Id, "PlanDocumentVersions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Obligations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Owner = table.Column<string>(maxLength: 200, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Recurrence = table.Column<string>(maxLength: 20, nullable: false),
                IntervalYears = table.Column<int>(nullable: false),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
                ReminderDaysBefore = table.Column<int>(nullable: true),
                ReminderEmail = table.Column<string>(maxLength: 256, nullable: true),
                SourcePlanId = table.Column<Guid>(nullable: true),
                LastCompletedOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Obligations", x => x.Id);
                table.ForeignKey("FK_Obligations_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Obligations_Plans_SourcePlanId", x => x.SourcePlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReminderDeliveries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ObligationId = table.Column<Guid>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Recipient = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                SentAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReminderDeliveries", x => x.Id);
                table.ForeignKey("FK_ReminderDeliveries_Obligations_ObligationId", x => x.ObligationId, "Obligations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CalendarFeeds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                RevokedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                table.ForeignKey("FK_CalendarFeeds_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DocumentTemplates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Body = table.Column<string>(maxLength: 20000, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DocumentTemplates", x => x.Id);
                table.ForeignKey("FK_DocumentTemplates_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActionCards",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActionCards", x => x.Id);
                table.ForeignKey("FK_ActionCards_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActionCardVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ActionCardId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                RoleOrSituation = table.Column<string>(maxLength: 200, nullable: false),
                Trigger = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                PublishedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                PublishedBy = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActionCardVersions", x => x.Id);
                table.ForeignKey("FK_ActionCardVersions_ActionCards_ActionCardId", x => x.ActionCardId, "ActionCards", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ActionCardSteps",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                ResponsibleRole = table.Column<string>(maxLength: 200, nullable: false),
                PlanId = table.Column<Guid>(nullable: true),
                Partner = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActionCardSteps", x => x.Id);
                table.ForeignKey("FK_ActionCardSteps_ActionCardVersions_VersionId", x => x.VersionId, "ActionCardVersions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ActionCardSteps_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateIndex("IX_Plans_OrganisationId_Title", "Plans", ["OrganisationId", "Title"]);
        migrationBuilder.CreateIndex("IX_PlanDocumentVersions_PlanId_Number", "PlanDocumentVersions", ["PlanId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_Obligations_OrganisationId_DueOn", "Obligations", ["OrganisationId", "DueOn"]);
        migrationBuilder.CreateIndex("IX_Obligations_SourcePlanId", "Obligations", "SourcePlanId");
        migrationBuilder.CreateIndex("IX_ReminderDeliveries_ObligationId_DueOn", "ReminderDeliveries", ["ObligationId", "DueOn"], unique: true);
        migrationBuilder.CreateIndex("IX_ReminderDeliveries_SentAt", "ReminderDeliveries", "SentAt");
        migrationBuilder.CreateIndex("IX_CalendarFeeds_OrganisationId", "CalendarFeeds", "OrganisationId");
        migrationBuilder.CreateIndex("IX_CalendarFeeds_TokenHash", "CalendarFeeds", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_DocumentTemplates_OrganisationId_Name", "DocumentTemplates", ["OrganisationId", "Name"]);
        migrationBuilder.CreateIndex("IX_ActionCards_OrganisationId_Title", "ActionCards", ["OrganisationId", "Title"]);
        migrationBuilder.CreateIndex("IX_ActionCardVersions_ActionCardId_Number", "ActionCardVersions", ["ActionCardId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_ActionCardSteps_VersionId_Position", "ActionCardSteps", ["VersionId", "Position"], unique: true);
        migrationBuilder.CreateIndex("IX_ActionCardSteps_PlanId", "ActionCardSteps", "PlanId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ActionCardSteps", "ActionCardVersions", "ActionCards", "DocumentTemplates", "CalendarFeeds", "ReminderDeliveries", "Obligations", "PlanDocumentContents", "PlanDocumentVersions", "Plans" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
