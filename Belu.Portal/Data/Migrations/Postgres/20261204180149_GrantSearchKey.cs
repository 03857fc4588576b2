using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Belu.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GrantSearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LetterGrants_Kind_PrincipalId_LetterId_Progress_OpenDeadline",
                table: "LetterGrants");

            migrationBuilder.AddColumn<long>(
                name: "SearchKey",
                table: "LetterGrants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Every stored grant takes its letter's search key, before the index that carries it is built.
            migrationBuilder.Sql(
                "UPDATE \"LetterGrants\" AS g SET \"SearchKey\" = l.\"SearchKey\" FROM \"IncomingLetters\" AS l WHERE l.\"Id\" = g.\"LetterId\";");

            migrationBuilder.CreateIndex(
                name: "IX_LetterGrants_Kind_PrincipalId_SearchKey_LetterId_Progress_O~",
                table: "LetterGrants",
                columns: new[] { "Kind", "PrincipalId", "SearchKey", "LetterId", "Progress", "OpenDeadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LetterGrants_Kind_PrincipalId_SearchKey_LetterId_Progress_O~",
                table: "LetterGrants");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "LetterGrants");

            migrationBuilder.CreateIndex(
                name: "IX_LetterGrants_Kind_PrincipalId_LetterId_Progress_OpenDeadline",
                table: "LetterGrants",
                columns: new[] { "Kind", "PrincipalId", "LetterId", "Progress", "OpenDeadline" });
        }
    }
}
