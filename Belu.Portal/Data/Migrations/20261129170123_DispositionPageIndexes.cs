using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Belu.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class DispositionPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dispositions_FromEmployeeId_Status",
                table: "Dispositions");

            migrationBuilder.DropIndex(
                name: "IX_Dispositions_ToEmployeeId_Status",
                table: "Dispositions");

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_FromEmployeeId_Status_Deadline_CreatedAtUtc_Id_LetterId",
                table: "Dispositions",
                columns: new[] { "FromEmployeeId", "Status", "Deadline", "CreatedAtUtc", "Id", "LetterId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_ToEmployeeId_Status_Deadline_CreatedAtUtc_Id",
                table: "Dispositions",
                columns: new[] { "ToEmployeeId", "Status", "Deadline", "CreatedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dispositions_FromEmployeeId_Status_Deadline_CreatedAtUtc_Id_LetterId",
                table: "Dispositions");

            migrationBuilder.DropIndex(
                name: "IX_Dispositions_ToEmployeeId_Status_Deadline_CreatedAtUtc_Id",
                table: "Dispositions");

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_FromEmployeeId_Status",
                table: "Dispositions",
                columns: new[] { "FromEmployeeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_ToEmployeeId_Status",
                table: "Dispositions",
                columns: new[] { "ToEmployeeId", "Status" });
        }
    }
}
