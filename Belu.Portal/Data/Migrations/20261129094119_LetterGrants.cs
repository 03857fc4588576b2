using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Belu.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class LetterGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LetterGrants",
                columns: table => new
                {
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PrincipalId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterGrants", x => new { x.LetterId, x.Kind, x.PrincipalId });
                    table.ForeignKey(
                        name: "FK_LetterGrants_IncomingLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "IncomingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_ListOrder",
                table: "IncomingLetters",
                columns: new[] { "ReceivedDate", "AgendaYear", "AgendaSequence", "Id", "Progress", "OpenDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_LetterGrants_Kind_PrincipalId_LetterId",
                table: "LetterGrants",
                columns: new[] { "Kind", "PrincipalId", "LetterId" });

            // Existing letters get the access set the rules give them (LetterGrantRules): the person keys (addressee, both
            // ends of every live disposition, tembusan holders) and, unless Rahasia or Sangat Rahasia (Security 2, 3), the
            // letter's unit and the units live dispositions went into. Status 4 is Dibatalkan. UNION removes duplicates.
            migrationBuilder.Sql("""
                INSERT INTO "LetterGrants" ("LetterId", "Kind", "PrincipalId")
                SELECT "Id", 0, "AddresseeId" FROM "IncomingLetters"
                UNION SELECT "LetterId", 0, "FromEmployeeId" FROM "Dispositions" WHERE "Status" <> 4
                UNION SELECT "LetterId", 0, "ToEmployeeId" FROM "Dispositions" WHERE "Status" <> 4
                UNION SELECT "LetterId", 0, "EmployeeId" FROM "LetterCopies"
                UNION SELECT "Id", 1, "UnitId" FROM "IncomingLetters" WHERE "Security" < 2
                UNION SELECT d."LetterId", 2, d."ToUnitId" FROM "Dispositions" d
                    JOIN "IncomingLetters" l ON l."Id" = d."LetterId"
                    WHERE d."Status" <> 4 AND l."Security" < 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LetterGrants");

            migrationBuilder.DropIndex(
                name: "IX_IncomingLetters_ListOrder",
                table: "IncomingLetters");
        }
    }
}
