using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Belu.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class FieldCheckIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Withheld",
                table: "Punches",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DutyDestinations",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    RadiusMetres = table.Column<int>(type: "INTEGER", nullable: false),
                    SetByEmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SetUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyDestinations", x => x.RequestId);
                    table.ForeignKey(
                        name: "FK_DutyDestinations_AttendanceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "AttendanceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FieldPunches",
                columns: table => new
                {
                    PunchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    AccuracyMetres = table.Column<double>(type: "REAL", nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AreaKind = table.Column<int>(type: "INTEGER", nullable: false),
                    DistanceMetres = table.Column<int>(type: "INTEGER", nullable: false),
                    Flags = table.Column<int>(type: "INTEGER", nullable: false),
                    PhotoKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Review = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedByEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldPunches", x => x.PunchId);
                    table.ForeignKey(
                        name: "FK_FieldPunches_Punches_PunchId",
                        column: x => x.PunchId,
                        principalTable: "Punches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FieldSites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    RadiusMetres = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldSites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldSites_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FieldStaffMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldStaffMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldStaffMarks_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FieldStaffMarks_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FieldPunches_EmployeeId_AtUtc",
                table: "FieldPunches",
                columns: new[] { "EmployeeId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FieldPunches_Review_AtUtc",
                table: "FieldPunches",
                columns: new[] { "Review", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FieldSites_Name",
                table: "FieldSites",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FieldSites_UnitId",
                table: "FieldSites",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldStaffMarks_EmployeeId",
                table: "FieldStaffMarks",
                column: "EmployeeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FieldStaffMarks_UnitId",
                table: "FieldStaffMarks",
                column: "UnitId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutyDestinations");

            migrationBuilder.DropTable(
                name: "FieldPunches");

            migrationBuilder.DropTable(
                name: "FieldSites");

            migrationBuilder.DropTable(
                name: "FieldStaffMarks");

            migrationBuilder.DropColumn(
                name: "Withheld",
                table: "Punches");
        }
    }
}
