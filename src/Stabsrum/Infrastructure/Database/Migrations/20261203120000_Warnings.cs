using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// Warnings (varsler): received warnings with their original CAP XML and references, the organisation's
/// areas, polled feeds, duty settings and the notification outbox. Hand-written; proven by SchemaEquivalenceTests.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261203120000_Warnings")]
public sealed class Warnings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = EngineQuirks.Timestamp(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "Warnings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Origin = table.Column<string>(maxLength: 20, nullable: false),
                Sender = table.Column<string>(maxLength: 500, nullable: false),
                Identifier = table.Column<string>(maxLength: 500, nullable: false),
                Sent = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                MsgType = table.Column<string>(maxLength: 20, nullable: false),
                Scope = table.Column<string>(maxLength: 20, nullable: false),
                Event = table.Column<string>(maxLength: 500, nullable: true),
                Headline = table.Column<string>(maxLength: 1000, nullable: true),
                Description = table.Column<string>(nullable: true),
                Urgency = table.Column<string>(maxLength: 20, nullable: true),
                Severity = table.Column<string>(maxLength: 20, nullable: true),
                Certainty = table.Column<string>(maxLength: 20, nullable: true),
                AreaDescription = table.Column<string>(maxLength: 2000, nullable: true),
                Onset = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                Expires = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                AwarenessLevel = table.Column<int>(nullable: true),
                AwarenessType = table.Column<int>(nullable: true),
                SourceName = table.Column<string>(maxLength: 200, nullable: true),
                SourceUrl = table.Column<string>(maxLength: 2000, nullable: true),
                FeedId = table.Column<Guid>(nullable: true),
                ReceivedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ReceivedBy = table.Column<string>(maxLength: 256, nullable: false),
                IsRelevant = table.Column<bool>(nullable: false),
                RelevanceReason = table.Column<string>(maxLength: 1000, nullable: true),
                SupersededById = table.Column<Guid>(nullable: true),
                CancelledById = table.Column<Guid>(nullable: true),
                Triage = table.Column<string>(maxLength: 30, nullable: false),
                TriageReason = table.Column<string>(maxLength: 2000, nullable: true),
                TriagedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                TriagedBy = table.Column<string>(maxLength: 256, nullable: true),
                IncidentId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Warnings", x => x.Id);
                table.ForeignKey("FK_Warnings_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WarningDocuments",
            columns: table => new
            {
                WarningId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WarningDocuments", x => x.WarningId);
                table.ForeignKey("FK_WarningDocuments_Warnings_WarningId", x => x.WarningId, "Warnings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WarningReferences",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                WarningId = table.Column<Guid>(nullable: false),
                Sender = table.Column<string>(maxLength: 500, nullable: false),
                Identifier = table.Column<string>(maxLength: 500, nullable: false),
                Sent = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ReferencedWarningId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WarningReferences", x => x.Id);
                table.ForeignKey("FK_WarningReferences_Warnings_WarningId", x => x.WarningId, "Warnings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WarningAreas",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Geocodes = table.Column<string>(maxLength: 4000, nullable: false),
                Polygon = table.Column<string>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WarningAreas", x => x.Id);
                table.ForeignKey("FK_WarningAreas_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WarningFeeds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Url = table.Column<string>(maxLength: 2000, nullable: false),
                IntervalMinutes = table.Column<int>(nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                NextPollAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                LastPolledAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                LastSuccessAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                ConsecutiveFailures = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
                LastNewCount = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WarningFeeds", x => x.Id);
                table.ForeignKey("FK_WarningFeeds_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WarningSettings",
            columns: table => new
            {
                OrganisationId = table.Column<Guid>(nullable: false),
                DutyEmail = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WarningSettings", x => x.OrganisationId);
                table.ForeignKey("FK_WarningSettings_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WarningNotifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                WarningId = table.Column<Guid>(nullable: true),
                Recipient = table.Column<string>(maxLength: 256, nullable: false),
                Subject = table.Column<string>(maxLength: 500, nullable: false),
                Body = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                SentAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WarningNotifications", x => x.Id);
                table.ForeignKey("FK_WarningNotifications_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Warnings_OrganisationId_Sender_Identifier_Sent", "Warnings", ["OrganisationId", "Sender", "Identifier", "Sent"], unique: true);
        migrationBuilder.CreateIndex("IX_Warnings_OrganisationId_ReceivedAt", "Warnings", ["OrganisationId", "ReceivedAt"]);
        migrationBuilder.CreateIndex("IX_Warnings_OrganisationId_SourceUrl", "Warnings", ["OrganisationId", "SourceUrl"]);
        migrationBuilder.CreateIndex("IX_WarningDocuments_OrganisationId", "WarningDocuments", "OrganisationId");
        migrationBuilder.CreateIndex("IX_WarningReferences_WarningId", "WarningReferences", "WarningId");
        migrationBuilder.CreateIndex("IX_WarningReferences_OrganisationId_Sender_Identifier_Sent", "WarningReferences", ["OrganisationId", "Sender", "Identifier", "Sent"]);
        migrationBuilder.CreateIndex("IX_WarningAreas_OrganisationId_Name", "WarningAreas", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_WarningFeeds_OrganisationId_Name", "WarningFeeds", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_WarningFeeds_Enabled_NextPollAt", "WarningFeeds", ["Enabled", "NextPollAt"]);
        migrationBuilder.CreateIndex("IX_WarningNotifications_SentAt_CreatedAt", "WarningNotifications", ["SentAt", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_WarningNotifications_OrganisationId", "WarningNotifications", "OrganisationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "WarningNotifications", "WarningSettings", "WarningFeeds", "WarningAreas", "WarningReferences", "WarningDocuments", "Warnings" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
