using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// Call-out (alarmering): call-outs, targets with quorum, recipients, candidates, attempts per channel, answers,
/// per-organisation settings and exercise opt-ins. Hand-written; <c>SchemaEquivalenceTests</c> proves it matches
/// the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261206100000_CallOut")]
public sealed class CallOut : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = EngineQuirks.Timestamp(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "CallOuts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: true),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Message = table.Column<string>(maxLength: 1000, nullable: false),
                Channels = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                ChannelDelayMinutes = table.Column<int>(nullable: false),
                AnswerTimeoutMinutes = table.Column<int>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ConfirmedBy = table.Column<string>(maxLength: 256, nullable: true),
                ConfirmedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                CompletedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                LeftOut = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallOuts", x => x.Id);
                table.ForeignKey("FK_CallOuts_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CallOuts_Incidents_IncidentId", x => x.IncidentId, "Incidents", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CallOutTargets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                CallOutId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Label = table.Column<string>(maxLength: 300, nullable: false),
                Mode = table.Column<string>(maxLength: 40, nullable: false),
                Required = table.Column<int>(nullable: false),
                State = table.Column<string>(maxLength: 40, nullable: false),
                ClosedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallOutTargets", x => x.Id);
                table.ForeignKey("FK_CallOutTargets_CallOuts_CallOutId", x => x.CallOutId, "CallOuts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CallOutRecipients",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                CallOutId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                UserId = table.Column<Guid>(nullable: true),
                CalledAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                Response = table.Column<string>(maxLength: 40, nullable: true),
                EtaMinutes = table.Column<int>(nullable: true),
                AnsweredAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                AnswerSource = table.Column<string>(maxLength: 40, nullable: true),
                CheckedInAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallOutRecipients", x => x.Id);
                table.ForeignKey("FK_CallOutRecipients_CallOuts_CallOutId", x => x.CallOutId, "CallOuts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CallOutCandidates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                TargetId = table.Column<Guid>(nullable: false),
                RecipientId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                FirstWave = table.Column<bool>(nullable: false),
                StandsInFor = table.Column<string>(maxLength: 200, nullable: true),
                CalledAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallOutCandidates", x => x.Id);
                table.ForeignKey("FK_CallOutCandidates_CallOutTargets_TargetId", x => x.TargetId, "CallOutTargets", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CallOutCandidates_CallOutRecipients_RecipientId", x => x.RecipientId, "CallOutRecipients", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CallOutAttempts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                CallOutId = table.Column<Guid>(nullable: false),
                RecipientId = table.Column<Guid>(nullable: false),
                Channel = table.Column<string>(maxLength: 40, nullable: false),
                Step = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                Tries = table.Column<int>(nullable: false),
                DueAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ProviderMessageId = table.Column<string>(maxLength: 200, nullable: true),
                Error = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                SentAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                DeliveredAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                FailedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallOutAttempts", x => x.Id);
                table.ForeignKey("FK_CallOutAttempts_CallOuts_CallOutId", x => x.CallOutId, "CallOuts", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CallOutAttempts_CallOutRecipients_RecipientId", x => x.RecipientId, "CallOutRecipients", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CallOutAnswers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                CallOutId = table.Column<Guid>(nullable: true),
                RecipientId = table.Column<Guid>(nullable: true),
                Response = table.Column<string>(maxLength: 40, nullable: false),
                EtaMinutes = table.Column<int>(nullable: true),
                Source = table.Column<string>(maxLength: 40, nullable: false),
                RawText = table.Column<string>(maxLength: 1000, nullable: true),
                FromPhone = table.Column<string>(maxLength: 40, nullable: true),
                ReceivedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                LoggedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallOutAnswers", x => x.Id);
                table.ForeignKey("FK_CallOutAnswers_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CallOutAnswers_CallOuts_CallOutId", x => x.CallOutId, "CallOuts", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CallOutAnswers_CallOutRecipients_RecipientId", x => x.RecipientId, "CallOutRecipients", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CallOutSettings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                WebhookSecretHash = table.Column<string>(maxLength: 64, nullable: true),
                FullyEstablishedMinutes = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CallOutSettings", x => x.Id);
                table.ForeignKey("FK_CallOutSettings_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ExerciseOptIns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExerciseOptIns", x => x.Id);
                table.ForeignKey("FK_ExerciseOptIns_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_CallOuts_OrganisationId_CreatedAt", "CallOuts", ["OrganisationId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_CallOuts_IncidentId", "CallOuts", "IncidentId");
        migrationBuilder.CreateIndex("IX_CallOuts_Status", "CallOuts", "Status");
        migrationBuilder.CreateIndex("IX_CallOutTargets_CallOutId_Position", "CallOutTargets", ["CallOutId", "Position"], unique: true);
        migrationBuilder.CreateIndex("IX_CallOutRecipients_CallOutId_PersonId", "CallOutRecipients", ["CallOutId", "PersonId"], unique: true);
        migrationBuilder.CreateIndex("IX_CallOutRecipients_Phone", "CallOutRecipients", "Phone");
        migrationBuilder.CreateIndex("IX_CallOutCandidates_TargetId_Position", "CallOutCandidates", ["TargetId", "Position"], unique: true);
        migrationBuilder.CreateIndex("IX_CallOutCandidates_RecipientId", "CallOutCandidates", "RecipientId");
        migrationBuilder.CreateIndex("IX_CallOutAttempts_CallOutId_RecipientId_Channel_Step", "CallOutAttempts", ["CallOutId", "RecipientId", "Channel", "Step"], unique: true);
        migrationBuilder.CreateIndex("IX_CallOutAttempts_Status_DueAt", "CallOutAttempts", ["Status", "DueAt"]);
        migrationBuilder.CreateIndex("IX_CallOutAttempts_ProviderMessageId", "CallOutAttempts", "ProviderMessageId");
        migrationBuilder.CreateIndex("IX_CallOutAttempts_RecipientId", "CallOutAttempts", "RecipientId");
        migrationBuilder.CreateIndex("IX_CallOutAnswers_CallOutId_ReceivedAt", "CallOutAnswers", ["CallOutId", "ReceivedAt"]);
        migrationBuilder.CreateIndex("IX_CallOutAnswers_RecipientId", "CallOutAnswers", "RecipientId");
        migrationBuilder.CreateIndex("IX_CallOutAnswers_OrganisationId_ReceivedAt", "CallOutAnswers", ["OrganisationId", "ReceivedAt"]);
        migrationBuilder.CreateIndex("IX_CallOutSettings_OrganisationId", "CallOutSettings", "OrganisationId", unique: true);
        migrationBuilder.CreateIndex("IX_CallOutSettings_WebhookSecretHash", "CallOutSettings", "WebhookSecretHash", unique: true);
        migrationBuilder.CreateIndex("IX_ExerciseOptIns_OrganisationId_PersonId", "ExerciseOptIns", ["OrganisationId", "PersonId"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ExerciseOptIns", "CallOutSettings", "CallOutAnswers", "CallOutAttempts", "CallOutCandidates", "CallOutRecipients", "CallOutTargets", "CallOuts" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
