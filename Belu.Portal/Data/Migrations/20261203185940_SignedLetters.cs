using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Belu.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignedLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignedLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutgoingLetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignerEmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerPosition = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignerNip = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Addressees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Security = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplacedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignedLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignedLetters_ElectronicDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "ElectronicDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignedLetters_OutgoingLetters_OutgoingLetterId",
                        column: x => x.OutgoingLetterId,
                        principalTable: "OutgoingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignerLocks",
                columns: table => new
                {
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignerLocks", x => x.EmployeeId);
                    table.ForeignKey(
                        name: "FK_SignerLocks_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignedLetters_DraftId",
                table: "SignedLetters",
                column: "DraftId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignedLetters_Number",
                table: "SignedLetters",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignedLetters_OutgoingLetterId",
                table: "SignedLetters",
                column: "OutgoingLetterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignedLetters_Sha256",
                table: "SignedLetters",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_SignedLetters_VerificationCode",
                table: "SignedLetters",
                column: "VerificationCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignedLetters");

            migrationBuilder.DropTable(
                name: "SignerLocks");
        }
    }
}
