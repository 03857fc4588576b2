using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Belu.Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Letters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DispositionInstructions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispositionInstructions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncomingLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaYear = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SearchKey = table.Column<long>(type: "INTEGER", nullable: false, computedColumnSql: "UnitId * 10000000000 + AgendaYear * 1000000 + AgendaSequence", stored: true),
                    SenderNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Security = table.Column<int>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassificationCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AddresseeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AddresseeReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RegisteredById = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomingLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncomingLetters_Employees_AddresseeId",
                        column: x => x.AddresseeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncomingLetters_Employees_RegisteredById",
                        column: x => x.RegisteredById,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncomingLetters_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LetterCounters",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Register = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterCounters", x => new { x.UnitId, x.Year, x.Register });
                    table.ForeignKey(
                        name: "FK_LetterCounters_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SearchKey = table.Column<long>(type: "INTEGER", nullable: false, computedColumnSql: "UnitId * 10000000000 + Year * 1000000 + Sequence", stored: true),
                    ClassificationCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Security = table.Column<int>(type: "INTEGER", nullable: false),
                    Addressees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Copies = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SignerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SentDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingLetters_Employees_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutgoingLetters_Employees_SignerId",
                        column: x => x.SignerId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutgoingLetters_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Dispositions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromEmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToEmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToWholeUnit = table.Column<bool>(type: "INTEGER", nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProcessingAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Report = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DeadlineNotifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dispositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dispositions_Dispositions_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Dispositions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dispositions_Employees_FromEmployeeId",
                        column: x => x.FromEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dispositions_Employees_ToEmployeeId",
                        column: x => x.ToEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dispositions_IncomingLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "IncomingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Dispositions_Units_ToUnitId",
                        column: x => x.ToUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LetterCopies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterCopies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterCopies_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LetterCopies_IncomingLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "IncomingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LetterCopies_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LetterTrack",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DispositionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterTrack", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterTrack_IncomingLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "IncomingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LetterFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DispositionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OutgoingLetterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedById = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterFiles_Dispositions_DispositionId",
                        column: x => x.DispositionId,
                        principalTable: "Dispositions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LetterFiles_Employees_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LetterFiles_IncomingLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "IncomingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LetterFiles_OutgoingLetters_OutgoingLetterId",
                        column: x => x.OutgoingLetterId,
                        principalTable: "OutgoingLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "DispositionInstructions",
                columns: new[] { "Id", "IsActive", "SortOrder", "Text", "Version" },
                values: new object[,]
                {
                    { 1, true, 10, "Untuk Diketahui", new Guid("00000000-0000-0000-0000-000000000001") },
                    { 2, true, 20, "Tindak Lanjuti", new Guid("00000000-0000-0000-0000-000000000002") },
                    { 3, true, 30, "Untuk Diproses", new Guid("00000000-0000-0000-0000-000000000003") },
                    { 4, true, 40, "Selesaikan", new Guid("00000000-0000-0000-0000-000000000004") },
                    { 5, true, 50, "Siapkan Jawaban", new Guid("00000000-0000-0000-0000-000000000005") },
                    { 6, true, 60, "Hadiri/Wakili", new Guid("00000000-0000-0000-0000-000000000006") },
                    { 7, true, 70, "Koordinasikan", new Guid("00000000-0000-0000-0000-000000000007") },
                    { 8, true, 80, "Pedomani", new Guid("00000000-0000-0000-0000-000000000008") },
                    { 9, true, 90, "Pertimbangkan", new Guid("00000000-0000-0000-0000-000000000009") },
                    { 10, true, 100, "Sarankan", new Guid("00000000-0000-0000-0000-000000000010") },
                    { 11, true, 110, "Laporkan Hasilnya", new Guid("00000000-0000-0000-0000-000000000011") },
                    { 12, true, 120, "Monitor Pelaksanaannya", new Guid("00000000-0000-0000-0000-000000000012") },
                    { 13, true, 130, "Agendakan", new Guid("00000000-0000-0000-0000-000000000013") },
                    { 14, true, 140, "Menghadap Saya", new Guid("00000000-0000-0000-0000-000000000014") },
                    { 15, true, 150, "Arsipkan", new Guid("00000000-0000-0000-0000-000000000015") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_DispositionInstructions_Text",
                table: "DispositionInstructions",
                column: "Text",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_FromEmployeeId_Status",
                table: "Dispositions",
                columns: new[] { "FromEmployeeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_LetterId",
                table: "Dispositions",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_ParentId",
                table: "Dispositions",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_Status_Deadline",
                table: "Dispositions",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_ToEmployeeId_Status",
                table: "Dispositions",
                columns: new[] { "ToEmployeeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Dispositions_ToUnitId_Status",
                table: "Dispositions",
                columns: new[] { "ToUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_AddresseeId_Progress",
                table: "IncomingLetters",
                columns: new[] { "AddresseeId", "Progress" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_Progress_OpenDeadline",
                table: "IncomingLetters",
                columns: new[] { "Progress", "OpenDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_RegisteredById",
                table: "IncomingLetters",
                column: "RegisteredById");

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_SearchKey",
                table: "IncomingLetters",
                column: "SearchKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_SubmissionId",
                table: "IncomingLetters",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_UnitId_AgendaYear_AgendaSequence",
                table: "IncomingLetters",
                columns: new[] { "UnitId", "AgendaYear", "AgendaSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLetters_UnitId_ReceivedDate",
                table: "IncomingLetters",
                columns: new[] { "UnitId", "ReceivedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LetterCopies_EmployeeId_ReadAtUtc",
                table: "LetterCopies",
                columns: new[] { "EmployeeId", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LetterCopies_LetterId_EmployeeId",
                table: "LetterCopies",
                columns: new[] { "LetterId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LetterCopies_UnitId",
                table: "LetterCopies",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterFiles_DispositionId",
                table: "LetterFiles",
                column: "DispositionId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterFiles_LetterId",
                table: "LetterFiles",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterFiles_OutgoingLetterId",
                table: "LetterFiles",
                column: "OutgoingLetterId");

            migrationBuilder.CreateIndex(
                name: "IX_LetterFiles_UploadedById",
                table: "LetterFiles",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_LetterTrack_LetterId_AtUtc",
                table: "LetterTrack",
                columns: new[] { "LetterId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingLetters_CreatedById",
                table: "OutgoingLetters",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingLetters_Number",
                table: "OutgoingLetters",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingLetters_SearchKey",
                table: "OutgoingLetters",
                column: "SearchKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingLetters_SignerId",
                table: "OutgoingLetters",
                column: "SignerId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingLetters_SubmissionId",
                table: "OutgoingLetters",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingLetters_UnitId_LetterDate",
                table: "OutgoingLetters",
                columns: new[] { "UnitId", "LetterDate" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingLetters_UnitId_Year_Sequence",
                table: "OutgoingLetters",
                columns: new[] { "UnitId", "Year", "Sequence" },
                unique: true);

            // Full-text search over subject, summary and sender (SQLite FTS5), kept in step by triggers; lists query it
            // instead of LIKE '%x%', so a search stays fast with 100,000 letters. FTS rows are numbered by the letters' SearchKey.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IncomingLetterSearch USING fts5(Subject, Summary, Sender, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("CREATE TRIGGER IncomingLetters_SearchInsert AFTER INSERT ON IncomingLetters BEGIN INSERT INTO IncomingLetterSearch (rowid, Subject, Summary, Sender) VALUES (new.SearchKey, new.Subject, coalesce(new.Summary, ''), new.Sender); END;");
            migrationBuilder.Sql("CREATE TRIGGER IncomingLetters_SearchDelete AFTER DELETE ON IncomingLetters BEGIN DELETE FROM IncomingLetterSearch WHERE rowid = old.SearchKey; END;");
            migrationBuilder.Sql("CREATE TRIGGER IncomingLetters_SearchUpdate AFTER UPDATE OF Subject, Summary, Sender ON IncomingLetters BEGIN DELETE FROM IncomingLetterSearch WHERE rowid = old.SearchKey; INSERT INTO IncomingLetterSearch (rowid, Subject, Summary, Sender) VALUES (new.SearchKey, new.Subject, coalesce(new.Summary, ''), new.Sender); END;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE OutgoingLetterSearch USING fts5(Number, Subject, Summary, Addressees, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("CREATE TRIGGER OutgoingLetters_SearchInsert AFTER INSERT ON OutgoingLetters BEGIN INSERT INTO OutgoingLetterSearch (rowid, Number, Subject, Summary, Addressees) VALUES (new.SearchKey, new.Number, new.Subject, coalesce(new.Summary, ''), new.Addressees); END;");
            migrationBuilder.Sql("CREATE TRIGGER OutgoingLetters_SearchDelete AFTER DELETE ON OutgoingLetters BEGIN DELETE FROM OutgoingLetterSearch WHERE rowid = old.SearchKey; END;");
            migrationBuilder.Sql("CREATE TRIGGER OutgoingLetters_SearchUpdate AFTER UPDATE OF Subject, Summary, Addressees ON OutgoingLetters BEGIN DELETE FROM OutgoingLetterSearch WHERE rowid = old.SearchKey; INSERT INTO OutgoingLetterSearch (rowid, Number, Subject, Summary, Addressees) VALUES (new.SearchKey, new.Number, new.Subject, coalesce(new.Summary, ''), new.Addressees); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS IncomingLetters_SearchInsert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS IncomingLetters_SearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS IncomingLetters_SearchUpdate;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS IncomingLetterSearch;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OutgoingLetters_SearchInsert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OutgoingLetters_SearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OutgoingLetters_SearchUpdate;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS OutgoingLetterSearch;");
            migrationBuilder.DropTable(
                name: "DispositionInstructions");

            migrationBuilder.DropTable(
                name: "LetterCopies");

            migrationBuilder.DropTable(
                name: "LetterCounters");

            migrationBuilder.DropTable(
                name: "LetterFiles");

            migrationBuilder.DropTable(
                name: "LetterTrack");

            migrationBuilder.DropTable(
                name: "Dispositions");

            migrationBuilder.DropTable(
                name: "OutgoingLetters");

            migrationBuilder.DropTable(
                name: "IncomingLetters");
        }
    }
}
