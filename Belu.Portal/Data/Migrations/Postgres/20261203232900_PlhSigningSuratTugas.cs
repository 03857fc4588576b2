using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Belu.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlhSigningSuratTugas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SignedLetterId",
                table: "AttendanceRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SignedLetterId",
                table: "ActingAppointments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceRequests_SignedLetterId_EmployeeId",
                table: "AttendanceRequests",
                columns: new[] { "SignedLetterId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActingAppointments_SignedLetterId",
                table: "ActingAppointments",
                column: "SignedLetterId");

            migrationBuilder.AddForeignKey(
                name: "FK_ActingAppointments_SignedLetters_SignedLetterId",
                table: "ActingAppointments",
                column: "SignedLetterId",
                principalTable: "SignedLetters",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AttendanceRequests_SignedLetters_SignedLetterId",
                table: "AttendanceRequests",
                column: "SignedLetterId",
                principalTable: "SignedLetters",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ActingAppointments_SignedLetters_SignedLetterId",
                table: "ActingAppointments");

            migrationBuilder.DropForeignKey(
                name: "FK_AttendanceRequests_SignedLetters_SignedLetterId",
                table: "AttendanceRequests");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceRequests_SignedLetterId_EmployeeId",
                table: "AttendanceRequests");

            migrationBuilder.DropIndex(
                name: "IX_ActingAppointments_SignedLetterId",
                table: "ActingAppointments");

            migrationBuilder.DropColumn(
                name: "SignedLetterId",
                table: "AttendanceRequests");

            migrationBuilder.DropColumn(
                name: "SignedLetterId",
                table: "ActingAppointments");
        }
    }
}
