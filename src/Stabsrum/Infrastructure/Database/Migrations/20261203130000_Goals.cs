using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// Goal plans, focus areas, goals, initiatives with status history, reporting lines, benefit assessments,
/// report issues, key figures with measurements, and cost keys. Hand-written; <c>SchemaEquivalenceTests</c>
/// proves it matches the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261203130000_Goals")]
public sealed class Goals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = EngineQuirks.Timestamp(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "GoalPlans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                StartYear = table.Column<int>(nullable: false),
                EndYear = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GoalPlans", x => x.Id);
                table.ForeignKey("FK_GoalPlans_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "FocusAreas",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FocusAreas", x => x.Id);
                table.ForeignKey("FK_FocusAreas_FocusAreas_ParentId", x => x.ParentId, "FocusAreas", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_FocusAreas_GoalPlans_PlanId", x => x.PlanId, "GoalPlans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Goals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                FocusAreaId = table.Column<Guid>(nullable: true),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Owner = table.Column<string>(maxLength: 200, nullable: true),
                Approach = table.Column<string>(maxLength: 4000, nullable: true),
                ExpectedBenefits = table.Column<string>(maxLength: 4000, nullable: true),
                IndirectIndicators = table.Column<string>(maxLength: 4000, nullable: true),
                FulfilmentRule = table.Column<string>(maxLength: 40, nullable: false),
                FulfilmentKeyFigureId = table.Column<Guid>(nullable: true),
                ManualPercent = table.Column<int>(nullable: true),
                ManualJustification = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Goals", x => x.Id);
                table.ForeignKey("FK_Goals_FocusAreas_FocusAreaId", x => x.FocusAreaId, "FocusAreas", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Goals_GoalPlans_PlanId", x => x.PlanId, "GoalPlans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Initiatives",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                GoalId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                Responsible = table.Column<string>(maxLength: 200, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                ScheduleFrom = table.Column<DateOnly>(nullable: true),
                ScheduleTo = table.Column<DateOnly>(nullable: true),
                ScheduleIsQuarter = table.Column<bool>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                ImplementedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Initiatives", x => x.Id);
                table.ForeignKey("FK_Initiatives_Goals_GoalId", x => x.GoalId, "Goals", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "InitiativeStatusChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                InitiativeId = table.Column<Guid>(nullable: false),
                FromStatus = table.Column<string>(maxLength: 40, nullable: true),
                ToStatus = table.Column<string>(maxLength: 40, nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                ChangedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                ChangedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InitiativeStatusChanges", x => x.Id);
                table.ForeignKey("FK_InitiativeStatusChanges_Initiatives_InitiativeId", x => x.InitiativeId, "Initiatives", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "GoalReportingLines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                GoalId = table.Column<Guid>(nullable: false),
                Reporter = table.Column<string>(maxLength: 200, nullable: false),
                Recipient = table.Column<string>(maxLength: 200, nullable: false),
                Frequency = table.Column<string>(maxLength: 40, nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GoalReportingLines", x => x.Id);
                table.ForeignKey("FK_GoalReportingLines_Goals_GoalId", x => x.GoalId, "Goals", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "BenefitAssessments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                GoalId = table.Column<Guid>(nullable: false),
                Period = table.Column<string>(maxLength: 20, nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                Score = table.Column<int>(nullable: false),
                Evidence = table.Column<string>(maxLength: 4000, nullable: false),
                AssessedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                AssessedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BenefitAssessments", x => x.Id);
                table.ForeignKey("FK_BenefitAssessments_Goals_GoalId", x => x.GoalId, "Goals", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "GoalReportIssues",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Audience = table.Column<string>(maxLength: 40, nullable: false),
                IssuedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                IssuedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GoalReportIssues", x => x.Id);
                table.ForeignKey("FK_GoalReportIssues_GoalPlans_PlanId", x => x.PlanId, "GoalPlans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "KeyFigures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                GoalId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Unit = table.Column<string>(maxLength: 40, nullable: false),
                Direction = table.Column<string>(maxLength: 40, nullable: false),
                BaselinePeriod = table.Column<string>(maxLength: 20, nullable: true),
                BaselineValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                TargetPeriod = table.Column<string>(maxLength: 20, nullable: false),
                TargetValue = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Method = table.Column<string>(maxLength: 2000, nullable: true),
                DataSource = table.Column<string>(maxLength: 500, nullable: true),
                MeasuredBy = table.Column<string>(maxLength: 200, nullable: true),
                Frequency = table.Column<string>(maxLength: 40, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KeyFigures", x => x.Id);
                table.ForeignKey("FK_KeyFigures_Goals_GoalId", x => x.GoalId, "Goals", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "KeyFigureMeasurements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                KeyFigureId = table.Column<Guid>(nullable: false),
                Period = table.Column<string>(maxLength: 20, nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Comment = table.Column<string>(maxLength: 1000, nullable: true),
                EnteredAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
                EnteredBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KeyFigureMeasurements", x => x.Id);
                table.ForeignKey("FK_KeyFigureMeasurements_KeyFigures_KeyFigureId", x => x.KeyFigureId, "KeyFigures", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CostKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Method = table.Column<string>(maxLength: 40, nullable: false),
                PopulationDate = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CostKeys", x => x.Id);
                table.ForeignKey("FK_CostKeys_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CostKeyShares",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                CostKeyId = table.Column<Guid>(nullable: false),
                Municipality = table.Column<string>(maxLength: 200, nullable: false),
                Weight = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CostKeyShares", x => x.Id);
                table.ForeignKey("FK_CostKeyShares_CostKeys_CostKeyId", x => x.CostKeyId, "CostKeys", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_GoalPlans_OrganisationId_Name", "GoalPlans", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_FocusAreas_ParentId", "FocusAreas", "ParentId");
        migrationBuilder.CreateIndex("IX_FocusAreas_PlanId_ParentId_SortOrder", "FocusAreas", ["PlanId", "ParentId", "SortOrder"]);
        migrationBuilder.CreateIndex("IX_Goals_FocusAreaId", "Goals", "FocusAreaId");
        migrationBuilder.CreateIndex("IX_Goals_PlanId_Number", "Goals", ["PlanId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_Initiatives_GoalId_Sequence", "Initiatives", ["GoalId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_InitiativeStatusChanges_InitiativeId_ChangedAt", "InitiativeStatusChanges", ["InitiativeId", "ChangedAt"]);
        migrationBuilder.CreateIndex("IX_GoalReportingLines_GoalId", "GoalReportingLines", "GoalId");
        migrationBuilder.CreateIndex("IX_BenefitAssessments_GoalId_PeriodStart", "BenefitAssessments", ["GoalId", "PeriodStart"]);
        migrationBuilder.CreateIndex("IX_GoalReportIssues_PlanId_Audience_IssuedAt", "GoalReportIssues", ["PlanId", "Audience", "IssuedAt"]);
        migrationBuilder.CreateIndex("IX_KeyFigures_GoalId", "KeyFigures", "GoalId");
        migrationBuilder.CreateIndex("IX_KeyFigureMeasurements_KeyFigureId_Period", "KeyFigureMeasurements", ["KeyFigureId", "Period"], unique: true);
        migrationBuilder.CreateIndex("IX_CostKeys_OrganisationId_Name", "CostKeys", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_CostKeyShares_CostKeyId_Municipality", "CostKeyShares", ["CostKeyId", "Municipality"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "CostKeyShares", "CostKeys", "KeyFigureMeasurements", "KeyFigures", "GoalReportIssues", "BenefitAssessments", "GoalReportingLines", "InitiativeStatusChanges", "Initiatives", "Goals", "FocusAreas", "GoalPlans" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
