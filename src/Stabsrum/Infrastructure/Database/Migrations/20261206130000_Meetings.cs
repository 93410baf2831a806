using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// Meeting bodies and their people, meetings, agenda items with attachments, published agenda versions (tillæg),
/// decisions' follow-up lines, attendance, the status round, and minutes with their approvals. Hand-written;
/// <c>SchemaEquivalenceTests</c> proves it matches the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261206130000_Meetings")]
public sealed class Meetings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = EngineQuirks.Timestamp(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "MeetingBodies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingBodies", x => x.Id);
                table.ForeignKey("FK_MeetingBodies_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MeetingBodyPeople",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                IsMember = table.Column<bool>(nullable: false),
                IsChair = table.Column<bool>(nullable: false),
                IsAgendaOwner = table.Column<bool>(nullable: false),
                IsSubstituteOwner = table.Column<bool>(nullable: false),
                IsApprover = table.Column<bool>(nullable: false),
                IsOnDistribution = table.Column<bool>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingBodyPeople", x => x.Id);
                table.ForeignKey("FK_MeetingBodyPeople_MeetingBodies_BodyId", x => x.BodyId, "MeetingBodies", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Meetings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                StartsAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                EndsAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                Mode = table.Column<string>(maxLength: 20, nullable: false),
                Place = table.Column<string>(maxLength: 300, nullable: true),
                VirtualLink = table.Column<string>(maxLength: 1000, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                AgendaVersion = table.Column<int>(nullable: false),
                InvitationSequence = table.Column<int>(nullable: false),
                CancelReason = table.Column<string>(maxLength: 1000, nullable: true),
                CancelledAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                HeldAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Meetings", x => x.Id);
                table.ForeignKey("FK_Meetings_MeetingBodies_BodyId", x => x.BodyId, "MeetingBodies", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Meetings_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AgendaItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Number = table.Column<int>(nullable: true),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Type = table.Column<string>(maxLength: 20, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                ProposedBy = table.Column<string>(maxLength: 200, nullable: false),
                JournalNumber = table.Column<string>(maxLength: 100, nullable: true),
                Resume = table.Column<string>(maxLength: 20000, nullable: true),
                Indstilling = table.Column<string>(maxLength: 20000, nullable: true),
                Sagsfremstilling = table.Column<string>(maxLength: 20000, nullable: true),
                OekonomiskeKonsekvenser = table.Column<string>(maxLength: 20000, nullable: true),
                DecisionDeadline = table.Column<DateOnly>(nullable: true),
                PublishedInVersion = table.Column<int>(nullable: true),
                Notes = table.Column<string>(maxLength: 20000, nullable: true),
                Decision = table.Column<string>(maxLength: 20000, nullable: true),
                DecidedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                LogEntryId = table.Column<Guid>(nullable: true),
                ProposedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaItems", x => x.Id);
                table.ForeignKey("FK_AgendaItems_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AgendaAttachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ItemId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                AddedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaAttachments", x => x.Id);
                table.ForeignKey("FK_AgendaAttachments_AgendaItems_ItemId", x => x.ItemId, "AgendaItems", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AgendaVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
                IsSupplement = table.Column<bool>(nullable: false),
                Changes = table.Column<string>(nullable: false),
                Snapshot = table.Column<string>(nullable: false),
                PublishedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                PublishedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgendaVersions", x => x.Id);
                table.ForeignKey("FK_AgendaVersions_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DecisionActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ItemId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                OwnerName = table.Column<string>(maxLength: 200, nullable: false),
                Deadline = table.Column<DateOnly>(nullable: true),
                TaskId = table.Column<Guid>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DecisionActions", x => x.Id);
                table.ForeignKey("FK_DecisionActions_AgendaItems_ItemId", x => x.ItemId, "AgendaItems", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MeetingAttendances",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Present = table.Column<bool>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingAttendances", x => x.Id);
                table.ForeignKey("FK_MeetingAttendances_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "UnitStatusReports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Unit = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UnitStatusReports", x => x.Id);
                table.ForeignKey("FK_UnitStatusReports_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Minutes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CorrectionReason = table.Column<string>(maxLength: 2000, nullable: true),
                Snapshot = table.Column<string>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                SentForApprovalAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                ApprovedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                DistributedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                FiledAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                FiledReference = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Minutes", x => x.Id);
                table.ForeignKey("FK_Minutes_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MinutesApprovals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                MinutesId = table.Column<Guid>(nullable: false),
                ApproverName = table.Column<string>(maxLength: 200, nullable: false),
                ApproverEmail = table.Column<string>(maxLength: 256, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Comment = table.Column<string>(maxLength: 4000, nullable: true),
                RespondedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                RespondedBy = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MinutesApprovals", x => x.Id);
                table.ForeignKey("FK_MinutesApprovals_Minutes_MinutesId", x => x.MinutesId, "Minutes", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_MeetingBodies_OrganisationId_Name", "MeetingBodies", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_MeetingBodyPeople_BodyId_Email", "MeetingBodyPeople", ["BodyId", "Email"], unique: true);
        migrationBuilder.CreateIndex("IX_Meetings_BodyId_StartsAt", "Meetings", ["BodyId", "StartsAt"]);
        migrationBuilder.CreateIndex("IX_Meetings_IncidentId", "Meetings", "IncidentId");
        migrationBuilder.CreateIndex("IX_AgendaItems_MeetingId_Number", "AgendaItems", ["MeetingId", "Number"]);
        migrationBuilder.CreateIndex("IX_AgendaAttachments_ItemId", "AgendaAttachments", "ItemId");
        migrationBuilder.CreateIndex("IX_AgendaVersions_MeetingId_Version", "AgendaVersions", ["MeetingId", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_DecisionActions_ItemId_SortOrder", "DecisionActions", ["ItemId", "SortOrder"]);
        migrationBuilder.CreateIndex("IX_MeetingAttendances_MeetingId_Name", "MeetingAttendances", ["MeetingId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_UnitStatusReports_MeetingId_SortOrder", "UnitStatusReports", ["MeetingId", "SortOrder"]);
        migrationBuilder.CreateIndex("IX_Minutes_MeetingId_Version", "Minutes", ["MeetingId", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_MinutesApprovals_MinutesId_ApproverEmail", "MinutesApprovals", ["MinutesId", "ApproverEmail"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "MinutesApprovals", "Minutes", "UnitStatusReports", "MeetingAttendances", "DecisionActions", "AgendaVersions", "AgendaAttachments", "AgendaItems", "Meetings", "MeetingBodyPeople", "MeetingBodies" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
