using System.Net;
using System.Net.Http.Json;
using Belu.Portal.Common;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports.EmployeeList;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Reports;

public class EmployeeListExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnAdminDownloadsTheEmployeesOfAUnitAsTheyAreInTheDatabase()
    {
        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var response = await client.GetAsync(EmployeeListReport.Link(kominfo.Id, null, true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportExporter.ContentType, response.Content.Headers.ContentType?.MediaType);
        var today = factory.Services.GetRequiredService<OfficeClock>().Today;
        Assert.Equal($"daftar-pegawai-diskominfo-{today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);

        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("DISKOMINFO", ws.Name);
        Assert.Equal("Daftar Pegawai", ws.Cell("A2").GetString());
        Assert.Equal("Unit: Dinas Komunikasi dan Informatika", ws.Cell("A3").GetString());
        Assert.StartsWith("Periode: Keadaan per ", ws.Cell("A4").GetString());
        Assert.EndsWith("(admin)", ws.Cell("A6").GetString());

        var tree = new UnitTree(await db.Units.Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Code, u.Kind, u.SortOrder, u.IsActive)).ToListAsync());
        var subtree = tree.SubtreeOf(kominfo.Id);
        var expected = (await db.Employees.Include(e => e.Superior).Where(e => subtree.Contains(e.UnitId) && e.IsActive).ToListAsync())
            .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        Assert.True(expected.Count >= 15);
        string[] headers = ["No", "NIP", "Nama", "Jabatan", "Jenis kepegawaian", "Unit", "Atasan langsung", "Status"];
        Assert.Equal(headers, Enumerable.Range(1, 8).Select(c => ws.Cell(SheetPlan.HeaderRow, c).GetString()));

        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var row = ws.Row(SheetPlan.FirstDataRow + i);
            Assert.Equal(i + 1, row.Cell(1).GetDouble());
            if (e.Nip is null)
            {
                Assert.True(row.Cell(2).IsEmpty());
            }
            else
            {
                Assert.Equal(XLDataType.Text, row.Cell(2).DataType);
                Assert.Equal(e.Nip, row.Cell(2).GetString());
            }
            Assert.Equal(e.Name, row.Cell(3).GetString());
            Assert.Equal(e.Position, row.Cell(4).GetString());
            Assert.Equal(e.EmploymentType.Label(), row.Cell(5).GetString());
            Assert.Equal(tree.PathOf(e.UnitId), row.Cell(6).GetString());
            Assert.Equal(e.Superior?.Name ?? "", row.Cell(7).GetString());
            Assert.Equal("Aktif", row.Cell(8).GetString());
        }
        var totals = ws.Row(SheetPlan.FirstDataRow + expected.Count);
        Assert.Equal("Jumlah pegawai", totals.Cell(1).GetString());
        Assert.Equal(expected.Count, totals.Cell(3).GetDouble());
        Assert.Equal($"A8:H{SheetPlan.HeaderRow + expected.Count}", ws.AutoFilter.Range.RangeAddress.ToString());
    }

    [Fact]
    public async Task TheExportHoldsExactlyWhatThePageFiltersShow()
    {
        await using var db = factory.CreateDbContext();
        var bidang = await db.Units.SingleAsync(u => u.Name == "Bidang Aplikasi Informatika" && u.Parent!.Code == "DISKOMINFO");
        await using var scope = await factory.ScopeForAsync("admin");
        var page = await scope.ServiceProvider.GetRequiredService<OrganizationService>()
            .SearchEmployeesAsync(new EmployeeQuery("Pranata", bidang.Id, true, null, 0, 200));
        Assert.NotEmpty(page.Items);

        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        using var book = await DownloadAsync(client, EmployeeListReport.Link(bidang.Id, "Pranata", null));

        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("Unit: Dinas Komunikasi dan Informatika › Bidang Aplikasi Informatika", ws.Cell("A3").GetString());
        Assert.Equal(page.Items.Select(e => e.Name), Names(ws));
        Assert.Equal(page.Items.Select(e => e.Nip ?? ""), Enumerable.Range(0, page.Items.Count).Select(i => ws.Cell(SheetPlan.FirstDataRow + i, 2).GetString()));
    }

    [Fact]
    public async Task SeveralOpdAreWrittenASheetEach()
    {
        await using var db = factory.CreateDbContext();
        var units = await db.Units.Where(u => u.Code == "DINKES" || u.Code == "DISKOMINFO").ToDictionaryAsync(u => u.Code, u => u.Id);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        using var book = await DownloadAsync(client, $"{EmployeeListReport.Path}?unit={units["DISKOMINFO"]}&unit={units["DINKES"]}&active=true");

        Assert.Equal(["DINKES", "DISKOMINFO"], book.Worksheets.Select(w => w.Name).Order(StringComparer.Ordinal));
        var dinkes = book.Worksheet("DINKES");
        Assert.Equal("Unit: Dinas Kesehatan", dinkes.Cell("A3").GetString());
        var dinkesNames = await db.Employees.Where(e => e.IsActive && (e.Unit!.Id == units["DINKES"] || e.Unit.ParentId == units["DINKES"])).Select(e => e.Name).ToListAsync();
        Assert.Equal(dinkesNames.Order(StringComparer.Ordinal), Names(dinkes));
        Assert.All(Units(dinkes), u => Assert.StartsWith("Dinas Kesehatan", u));
        Assert.All(Units(book.Worksheet("DISKOMINFO")), u => Assert.StartsWith("Dinas Komunikasi dan Informatika", u));
    }

    [Fact]
    public async Task AnAdminWithoutAUnitGetsEveryOpdOnItsOwnSheet()
    {
        await using var db = factory.CreateDbContext();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var response = await client.GetAsync(EmployeeListReport.Link(null, null, true));
        var today = factory.Services.GetRequiredService<OfficeClock>().Today;
        Assert.Equal($"daftar-pegawai-semua-unit-{today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        var opds = await db.Units.CountAsync(u => u.Kind == UnitKind.Opd || u.Kind == UnitKind.Kecamatan);
        Assert.Equal(opds + 1, book.Worksheets.Count);
        Assert.Equal("PEMKAB", book.Worksheet(1).Name);
        Assert.Equal(await db.Employees.CountAsync(e => e.IsActive), book.Worksheets.Sum(ws => Names(ws).Count));
    }

    [Fact]
    public async Task ALeaderExportsHisOwnUnitTreeButNoOtherOpd()
    {
        await using var db = factory.CreateDbContext();
        var dinkes = await db.Units.SingleAsync(u => u.Code == "DINKES");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using (var own = await DownloadAsync(client, EmployeeListReport.Link(null, null, true)))
        {
            var ws = Assert.Single(own.Worksheets);
            Assert.Equal("DISKOMINFO", ws.Name);
            Assert.All(Units(ws), u => Assert.StartsWith("Dinas Komunikasi dan Informatika", u));
        }

        var refused = await client.GetAsync(EmployeeListReport.Link(dinkes.Id, null, true));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(ReportExporter.ContentType, refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("di luar unit Anda", problem!.Detail);
        var dinkesPerson = await db.Employees.FirstAsync(e => e.UnitId == dinkes.Id);
        Assert.DoesNotContain(dinkesPerson.Name, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APegawaiGetsNoExport()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var response = await client.GetAsync(EmployeeListReport.Link(null, null, true));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(ReportExporter.ContentType, response.Content.Headers.ContentType?.MediaType);

        await using var scope = await factory.ScopeForAsync("pegawai");
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            scope.ServiceProvider.GetRequiredService<EmployeeListReport>().BuildAsync(new EmployeeListRequest(null, null, true), CancellationToken.None));
    }

    [Fact]
    public async Task NobodySignedInIsSentToTheLoginPage()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(EmployeeListReport.Path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/akun/masuk", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task AnUnknownUnitIs404()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{EmployeeListReport.Path}?unit=987654")).StatusCode);
    }

    [Fact]
    public async Task AFilterMatchingNobodyGivesAWorkbookThatSaysSo()
    {
        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        using var book = await DownloadAsync(client, EmployeeListReport.Link(kominfo.Id, "tidak-ada-pegawai-seperti-ini", null));
        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("DISKOMINFO", ws.Name);
        Assert.Equal(SheetPlan.EmptyMessage, ws.Cell(SheetPlan.FirstDataRow, 1).GetString());
    }

    [Fact]
    public async Task EveryExportIsWrittenToTheAuditLog()
    {
        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var before = await db.AuditEntries.CountAsync(a => a.Action == ReportExporter.AuditAction && a.UserName == "pimpinan");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        (await client.GetAsync(EmployeeListReport.Link(kominfo.Id, null, true))).EnsureSuccessStatusCode();
        (await client.GetAsync(EmployeeListReport.Link(null, "Kepala", null))).EnsureSuccessStatusCode();

        var entries = await db.AuditEntries.Where(a => a.Action == ReportExporter.AuditAction && a.UserName == "pimpinan")
            .OrderBy(a => a.Id).Skip(before).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, a => Assert.Equal("daftar-pegawai", a.Subject));
        Assert.Contains("unit: DISKOMINFO (dengan sub-unit)", entries[0].Detail);
        Assert.Contains("status: aktif", entries[0].Detail);
        Assert.Contains("daftar-pegawai-diskominfo-", entries[0].Detail);
        Assert.Contains("teks: 'Kepala'", entries[1].Detail);
    }

    private static async Task<XLWorkbook> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static List<string> Names(IXLWorksheet ws) => Column(ws, 3);

    private static List<string> Units(IXLWorksheet ws) => Column(ws, 6);

    /// <summary>The data cells of a column, without the totals row.</summary>
    private static List<string> Column(IXLWorksheet ws, int column)
    {
        var values = new List<string>();
        for (var r = SheetPlan.FirstDataRow; ws.Cell(r, 1).DataType == XLDataType.Number; r++)
        {
            values.Add(ws.Cell(r, column).GetString());
        }
        return values;
    }
}
