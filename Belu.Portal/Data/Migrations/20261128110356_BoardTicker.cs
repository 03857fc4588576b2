using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Belu.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoardTicker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecentEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpdId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecentEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecentEvents_AtUtc",
                table: "RecentEvents",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RecentEvents_OpdId_AtUtc",
                table: "RecentEvents",
                columns: new[] { "OpdId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecentEvents");
        }
    }
}
