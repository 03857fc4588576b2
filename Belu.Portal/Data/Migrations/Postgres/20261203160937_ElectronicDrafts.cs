using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Belu.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ElectronicDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Rank",
                table: "Employees",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ElectronicDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ConceptorId = table.Column<int>(type: "integer", nullable: false),
                    SignerId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CurrentStep = table.Column<int>(type: "integer", nullable: true),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Security = table.Column<int>(type: "integer", nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectronicDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitLetterheads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    GovernmentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Contacts = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    EmblemPng = table.Column<byte[]>(type: "bytea", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitLetterheads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitLetterheads_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DraftHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DraftHistory_ElectronicDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "ElectronicDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DraftSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ActedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DraftSteps_ElectronicDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "ElectronicDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DraftVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DraftVersions_ElectronicDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "ElectronicDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DraftHistory_DraftId_AtUtc",
                table: "DraftHistory",
                columns: new[] { "DraftId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DraftSteps_DraftId_Order",
                table: "DraftSteps",
                columns: new[] { "DraftId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DraftSteps_EmployeeId_DraftId",
                table: "DraftSteps",
                columns: new[] { "EmployeeId", "DraftId" });

            migrationBuilder.CreateIndex(
                name: "IX_DraftVersions_DraftId_Number",
                table: "DraftVersions",
                columns: new[] { "DraftId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ElectronicDrafts_ConceptorId_UpdatedAtUtc",
                table: "ElectronicDrafts",
                columns: new[] { "ConceptorId", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ElectronicDrafts_SignerId_Status",
                table: "ElectronicDrafts",
                columns: new[] { "SignerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ElectronicDrafts_UnitId",
                table: "ElectronicDrafts",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitLetterheads_UnitId",
                table: "UnitLetterheads",
                column: "UnitId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DraftHistory");

            migrationBuilder.DropTable(
                name: "DraftSteps");

            migrationBuilder.DropTable(
                name: "DraftVersions");

            migrationBuilder.DropTable(
                name: "UnitLetterheads");

            migrationBuilder.DropTable(
                name: "ElectronicDrafts");

            migrationBuilder.DropColumn(
                name: "Rank",
                table: "Employees");
        }
    }
}
