using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Belu.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActingAppointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActedAs",
                table: "Dispositions",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ActedByEmployeeId",
                table: "Dispositions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActedByName",
                table: "Dispositions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActedByNip",
                table: "Dispositions",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedAs",
                table: "AttendanceRequests",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActingAppointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ReplacedEmployeeId = table.Column<int>(type: "integer", nullable: false),
                    PostTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActingEmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    LetterNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnNoticeSentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActingAppointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActingAppointments_Employees_ActingEmployeeId",
                        column: x => x.ActingEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActingAppointments_Employees_ReplacedEmployeeId",
                        column: x => x.ReplacedEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActingAppointments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActingAppointments_ActingEmployeeId_From",
                table: "ActingAppointments",
                columns: new[] { "ActingEmployeeId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_ActingAppointments_ReplacedEmployeeId_From",
                table: "ActingAppointments",
                columns: new[] { "ReplacedEmployeeId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_ActingAppointments_UnitId",
                table: "ActingAppointments",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActingAppointments");

            migrationBuilder.DropColumn(
                name: "ActedAs",
                table: "Dispositions");

            migrationBuilder.DropColumn(
                name: "ActedByEmployeeId",
                table: "Dispositions");

            migrationBuilder.DropColumn(
                name: "ActedByName",
                table: "Dispositions");

            migrationBuilder.DropColumn(
                name: "ActedByNip",
                table: "Dispositions");

            migrationBuilder.DropColumn(
                name: "DecidedAs",
                table: "AttendanceRequests");
        }
    }
}
