using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Belu.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GrantStateForCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LetterGrants_Kind_PrincipalId_LetterId",
                table: "LetterGrants");

            migrationBuilder.DropIndex(
                name: "IX_IncomingLetters_AddresseeId_Progress",
                table: "IncomingLetters");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpenDeadline",
                table: "LetterGrants",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Progress",
                table: "LetterGrants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every stored grant takes its letter's state, before the index that carries it is built.
            migrationBuilder.Sql(
                "UPDATE \"LetterGrants\" AS g SET \"Progress\" = l.\"Progress\", \"OpenDeadline\" = l.\"OpenDeadline\" " +
                "FROM \"IncomingLetters\" AS l WHERE l.\"Id\" = g.\"LetterId\";");

            migrationBuilder.CreateIndex(
                name: "IX_LetterGrants_Kind_PrincipalId_LetterId_Progress_OpenDeadline",
                table: "LetterGrants",
                columns: new[] { "Kind", "PrincipalId", "LetterId", "Progress", "OpenDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_AddresseeId_Progress_IsCopy_AddresseeReadAt~",
                table: "IncomingLetters",
                columns: new[] { "AddresseeId", "Progress", "IsCopy", "AddresseeReadAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LetterGrants_Kind_PrincipalId_LetterId_Progress_OpenDeadline",
                table: "LetterGrants");

            migrationBuilder.DropIndex(
                name: "IX_IncomingLetters_AddresseeId_Progress_IsCopy_AddresseeReadAt~",
                table: "IncomingLetters");

            migrationBuilder.DropColumn(
                name: "OpenDeadline",
                table: "LetterGrants");

            migrationBuilder.DropColumn(
                name: "Progress",
                table: "LetterGrants");

            migrationBuilder.CreateIndex(
                name: "IX_LetterGrants_Kind_PrincipalId_LetterId",
                table: "LetterGrants",
                columns: new[] { "Kind", "PrincipalId", "LetterId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_AddresseeId_Progress",
                table: "IncomingLetters",
                columns: new[] { "AddresseeId", "Progress" });
        }
    }
}
