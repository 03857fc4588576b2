using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Belu.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SrikandiRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SrikandiRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncomingLetterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OutgoingLetterId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PdfStorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PdfFileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PdfLength = table.Column<long>(type: "bigint", nullable: true),
                    PdfSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedById = table.Column<int>(type: "integer", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SrikandiRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SrikandiRecords_Employees_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SrikandiRecords_IncomingLetters_IncomingLetterId",
                        column: x => x.IncomingLetterId,
                        principalTable: "IncomingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SrikandiRecords_OutgoingLetters_OutgoingLetterId",
                        column: x => x.OutgoingLetterId,
                        principalTable: "OutgoingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SrikandiRecords_IncomingLetterId",
                table: "SrikandiRecords",
                column: "IncomingLetterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SrikandiRecords_Number",
                table: "SrikandiRecords",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_SrikandiRecords_OutgoingLetterId",
                table: "SrikandiRecords",
                column: "OutgoingLetterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SrikandiRecords_RecordedById",
                table: "SrikandiRecords",
                column: "RecordedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SrikandiRecords");
        }
    }
}
