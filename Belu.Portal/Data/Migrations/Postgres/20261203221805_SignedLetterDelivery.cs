using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Belu.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignedLetterDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsCopy",
                table: "IncomingLetters",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LetterDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SignedLetterId = table.Column<Guid>(type: "uuid", nullable: false),
                    OutgoingLetterId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncomingLetterId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientEmployeeId = table.Column<int>(type: "integer", nullable: false),
                    ReceivingUnitId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsCopy = table.Column<bool>(type: "boolean", nullable: false),
                    AgendaNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReadByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterDeliveries_Employees_RecipientEmployeeId",
                        column: x => x.RecipientEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LetterDeliveries_IncomingLetters_IncomingLetterId",
                        column: x => x.IncomingLetterId,
                        principalTable: "IncomingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LetterDeliveries_OutgoingLetters_OutgoingLetterId",
                        column: x => x.OutgoingLetterId,
                        principalTable: "OutgoingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LetterDeliveries_SignedLetters_SignedLetterId",
                        column: x => x.SignedLetterId,
                        principalTable: "SignedLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LetterDeliveries_Units_ReceivingUnitId",
                        column: x => x.ReceivingUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LetterDispatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OutgoingLetterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    SentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceiverName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceiptFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedById = table.Column<int>(type: "integer", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterDispatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterDispatches_Employees_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LetterDispatches_LetterFiles_ReceiptFileId",
                        column: x => x.ReceiptFileId,
                        principalTable: "LetterFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LetterDispatches_OutgoingLetters_OutgoingLetterId",
                        column: x => x.OutgoingLetterId,
                        principalTable: "OutgoingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LetterDeliveries_IncomingLetterId",
                table: "LetterDeliveries",
                column: "IncomingLetterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LetterDeliveries_OutgoingLetterId",
                table: "LetterDeliveries",
                column: "OutgoingLetterId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterDeliveries_ReceivingUnitId",
                table: "LetterDeliveries",
                column: "ReceivingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterDeliveries_RecipientEmployeeId",
                table: "LetterDeliveries",
                column: "RecipientEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterDeliveries_SignedLetterId_RecipientEmployeeId",
                table: "LetterDeliveries",
                columns: new[] { "SignedLetterId", "RecipientEmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LetterDispatches_OutgoingLetterId",
                table: "LetterDispatches",
                column: "OutgoingLetterId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterDispatches_ReceiptFileId",
                table: "LetterDispatches",
                column: "ReceiptFileId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterDispatches_RecordedById",
                table: "LetterDispatches",
                column: "RecordedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LetterDeliveries");

            migrationBuilder.DropTable(
                name: "LetterDispatches");

            migrationBuilder.DropColumn(
                name: "IsCopy",
                table: "IncomingLetters");
        }
    }
}
