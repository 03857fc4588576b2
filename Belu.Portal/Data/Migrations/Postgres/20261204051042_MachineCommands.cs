using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Belu.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MachineCommands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MachineCommands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ReturnCode = table.Column<int>(type: "integer", nullable: true),
                    QueuedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    QueuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MachineCommands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MachineCommands_AttendanceDevices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "AttendanceDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MachineStatuses",
                columns: table => new
                {
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Firmware = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Users = table.Column<int>(type: "integer", nullable: true),
                    Fingerprints = table.Column<int>(type: "integer", nullable: true),
                    Logs = table.Column<int>(type: "integer", nullable: true),
                    InfoUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClockDriftSeconds = table.Column<int>(type: "integer", nullable: true),
                    ClockReadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SilentAnnouncedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MachineStatuses", x => x.DeviceId);
                    table.ForeignKey(
                        name: "FK_MachineStatuses_AttendanceDevices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "AttendanceDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MachineCommands_DeviceId_QueuedUtc",
                table: "MachineCommands",
                columns: new[] { "DeviceId", "QueuedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MachineCommands_DeviceId_State_Id",
                table: "MachineCommands",
                columns: new[] { "DeviceId", "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MachineCommands");

            migrationBuilder.DropTable(
                name: "MachineStatuses");
        }
    }
}
