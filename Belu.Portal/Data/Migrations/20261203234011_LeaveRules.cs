using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Belu.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeaveRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Consideration",
                table: "AttendanceRequests",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsiderationNote",
                table: "AttendanceRequests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsideredAs",
                table: "AttendanceRequests",
                type: "TEXT",
                maxLength: 220,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsideredByEmployeeId",
                table: "AttendanceRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConsideredUtc",
                table: "AttendanceRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantDecision",
                table: "AttendanceRequests",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GrantorEmployeeId",
                table: "AttendanceRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaveAddress",
                table: "AttendanceRequests",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaveKind",
                table: "AttendanceRequests",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LeaveOpeningBalances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CarriedFromN1 = table.Column<int>(type: "INTEGER", nullable: false),
                    CarriedFromN2 = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenBeforeGoLive = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SetByEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    SetUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaveOpeningBalances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeaveOpeningBalances_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceRequests_GrantorEmployeeId_Status",
                table: "AttendanceRequests",
                columns: new[] { "GrantorEmployeeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveOpeningBalances_EmployeeId",
                table: "LeaveOpeningBalances",
                column: "EmployeeId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeaveOpeningBalances");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceRequests_GrantorEmployeeId_Status",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "Consideration",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "ConsiderationNote",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "ConsideredAs",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "ConsideredByEmployeeId",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "ConsideredUtc",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "GrantDecision",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "GrantorEmployeeId",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "LeaveAddress",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "LeaveKind",
                table: "AttendanceRequests");
        }
    }
}
