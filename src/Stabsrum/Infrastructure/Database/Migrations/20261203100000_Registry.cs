using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stabsrum.Infrastructure.Database.Migrations;

/// <summary>
/// The preparedness registry, part A: key persons with substitutes and standing roles, the staff-role catalogue,
/// alarm lists, tactical resources and external partners. Hand-written; <c>SchemaEquivalenceTests</c> proves it
/// matches the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(StabsrumDbContext))]
[Migration("20261203100000_Registry")]
public sealed class Registry : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var timestamp = EngineQuirks.Timestamp(migrationBuilder.ActiveProvider);

        migrationBuilder.CreateTable(
            name: "StaffRoles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Purpose = table.Column<string>(maxLength: 500, nullable: true),
                DutiesBefore = table.Column<string>(maxLength: 4000, nullable: true),
                DutiesDuring = table.Column<string>(maxLength: 4000, nullable: true),
                DutiesAfter = table.Column<string>(maxLength: 4000, nullable: true),
                Source = table.Column<string>(maxLength: 100, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffRoles", x => x.Id);
                table.ForeignKey("FK_StaffRoles_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "KeyPersons",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                Unit = table.Column<string>(maxLength: 200, nullable: true),
                MobilePhone = table.Column<string>(maxLength: 20, nullable: true),
                WorkPhone = table.Column<string>(maxLength: 20, nullable: true),
                PrivatePhone = table.Column<string>(maxLength: 20, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                HasClearance = table.Column<bool>(nullable: false),
                ClearanceLevel = table.Column<string>(maxLength: 40, nullable: true),
                ClearanceExpiresOn = table.Column<DateOnly>(nullable: true),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
                ContactVerifiedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                UserId = table.Column<Guid>(nullable: true),
                ErasedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KeyPersons", x => x.Id);
                table.ForeignKey("FK_KeyPersons_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_KeyPersons_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "KeyPersonSubstitutes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                SubstituteId = table.Column<Guid>(nullable: false),
                Rank = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KeyPersonSubstitutes", x => x.Id);
                table.ForeignKey("FK_KeyPersonSubstitutes_KeyPersons_PersonId", x => x.PersonId, "KeyPersons", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_KeyPersonSubstitutes_KeyPersons_SubstituteId", x => x.SubstituteId, "KeyPersons", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "KeyPersonRoles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KeyPersonRoles", x => x.Id);
                table.ForeignKey("FK_KeyPersonRoles_KeyPersons_PersonId", x => x.PersonId, "KeyPersons", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_KeyPersonRoles_StaffRoles_RoleId", x => x.RoleId, "StaffRoles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AlarmLists",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Purpose = table.Column<string>(maxLength: 1000, nullable: true),
                Mode = table.Column<string>(maxLength: 40, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AlarmLists", x => x.Id);
                table.ForeignKey("FK_AlarmLists_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AlarmListEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                AlarmListId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                RoleId = table.Column<Guid>(nullable: true),
                Quorum = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AlarmListEntries", x => x.Id);
                table.ForeignKey("FK_AlarmListEntries_AlarmLists_AlarmListId", x => x.AlarmListId, "AlarmLists", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AlarmListEntries_KeyPersons_PersonId", x => x.PersonId, "KeyPersons", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AlarmListEntries_StaffRoles_RoleId", x => x.RoleId, "StaffRoles", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "TacticalResources",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: false),
                Quantity = table.Column<int>(nullable: false),
                Location = table.Column<string>(maxLength: 200, nullable: true),
                OwningUnit = table.Column<string>(maxLength: 200, nullable: true),
                RequisitionContact = table.Column<string>(maxLength: 200, nullable: true),
                RequisitionPhone = table.Column<string>(maxLength: 20, nullable: true),
                Availability = table.Column<string>(maxLength: 40, nullable: false),
                Critical = table.Column<bool>(nullable: false),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TacticalResources", x => x.Id);
                table.ForeignKey("FK_TacticalResources_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ExternalPartners",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                OrganisationName = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Provides = table.Column<string>(maxLength: 2000, nullable: true),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExternalPartners", x => x.Id);
                table.ForeignKey("FK_ExternalPartners_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PartnerContacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PartnerId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PartnerContacts", x => x.Id);
                table.ForeignKey("FK_PartnerContacts_ExternalPartners_PartnerId", x => x.PartnerId, "ExternalPartners", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_StaffRoles_OrganisationId_Name", "StaffRoles", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_KeyPersons_OrganisationId_Name", "KeyPersons", ["OrganisationId", "Name"]);
        migrationBuilder.CreateIndex("IX_KeyPersons_UserId", "KeyPersons", "UserId");
        migrationBuilder.CreateIndex("IX_KeyPersonSubstitutes_PersonId_SubstituteId", "KeyPersonSubstitutes", ["PersonId", "SubstituteId"], unique: true);
        migrationBuilder.CreateIndex("IX_KeyPersonSubstitutes_SubstituteId", "KeyPersonSubstitutes", "SubstituteId");
        migrationBuilder.CreateIndex("IX_KeyPersonRoles_PersonId_RoleId", "KeyPersonRoles", ["PersonId", "RoleId"], unique: true);
        migrationBuilder.CreateIndex("IX_KeyPersonRoles_RoleId", "KeyPersonRoles", "RoleId");
        migrationBuilder.CreateIndex("IX_AlarmLists_OrganisationId_Name", "AlarmLists", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_AlarmListEntries_AlarmListId_Position", "AlarmListEntries", ["AlarmListId", "Position"], unique: true);
        migrationBuilder.CreateIndex("IX_AlarmListEntries_PersonId", "AlarmListEntries", "PersonId");
        migrationBuilder.CreateIndex("IX_AlarmListEntries_RoleId", "AlarmListEntries", "RoleId");
        migrationBuilder.CreateIndex("IX_TacticalResources_OrganisationId_Category_Name", "TacticalResources", ["OrganisationId", "Category", "Name"]);
        migrationBuilder.CreateIndex("IX_ExternalPartners_OrganisationId_OrganisationName", "ExternalPartners", ["OrganisationId", "OrganisationName"]);
        migrationBuilder.CreateIndex("IX_PartnerContacts_PartnerId_Position", "PartnerContacts", ["PartnerId", "Position"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "PartnerContacts", "ExternalPartners", "TacticalResources", "AlarmListEntries", "AlarmLists", "KeyPersonRoles", "KeyPersonSubstitutes", "KeyPersons", "StaffRoles" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
