using System.Net;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports.Attendance;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Reports;

/// <summary>
/// "Pantauan Disiplin" as Excel: the page's rows for the page's audience. Three people of Diskominfo whose names and
/// positions look like formulas (as old data or another tool might have left them) get two TK days each.
/// </summary>
public class DisciplineExportTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly string[] Hostile = ["=HYPERLINK(\"http://contoh.invalid\",\"Klik\")", "+62 812 3456", "@SUM(1+1)"];
    private static readonly SemaphoreSlim Arrange = new(1, 1);
    private const int NameColumn = 3;

    [Fact]
    public async Task AnAdminDownloadsTheRegencysWatchRowForRowAsThePageShowsIt()
    {
        await HostileStaffAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var response = await client.GetAsync(DisciplineReport.Link(2026));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(ReportExporter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pantauan-disiplin-pemkab-2026.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("PEMKAB 2026", ws.Name);
        Assert.Equal("Pantauan Disiplin (PP 94/2021)", ws.Cell("A2").GetString());
        Assert.Equal("Unit: Pemerintah Kabupaten Belu", ws.Cell("A3").GetString());
        Assert.StartsWith("Periode: Tahun 2026 — Keadaan per 27 November 2026", ws.Cell("A4").GetString());

        await using var scope = await factory.ScopeForAsync("admin");
        var page = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().DisciplineAsync(2026);
        Assert.Contains(page, r => r.Assessment.Level == DisciplineLevel.TeguranLisan);
        AssertRowsMatch(ws, page);

        // Names and positions that a spreadsheet would run as formulas stay text.
        foreach (var value in Hostile)
        {
            foreach (var column in new[] { NameColumn, 4 })
            {
                var cell = ws.Column(column).CellsUsed().SingleOrDefault(c => c.Address.RowNumber >= SheetPlan.FirstDataRow && c.GetString() == value);
                Assert.True(cell is not null, $"{value} not found in column {column}");
                Assert.False(cell.HasFormula, $"{value} became a formula");
                Assert.Equal(XLDataType.Text, cell.DataType);
                Assert.True(cell.Style.IncludeQuotePrefix, $"{value} has no quote prefix");
            }
        }
    }

    [Fact]
    public async Task ALeaderDownloadsHisOwnUnitsAsHisPageShowsThemFiledUnderTheUnit()
    {
        await HostileStaffAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        var response = await client.GetAsync(DisciplineReport.Link(2026));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pantauan-disiplin-diskominfo-2026.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("DISKOMINFO 2026", ws.Name);

        await using var scope = await factory.ScopeForAsync("pimpinan");
        var page = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().DisciplineAsync(2026);
        Assert.Contains(page, r => Hostile.Contains(r.Employee.Name));
        AssertRowsMatch(ws, page);
        await using var db = factory.CreateDbContext();
        var dinkes = await db.Employees.Where(e => e.Unit!.Code == "DINKES" || e.Unit!.Parent!.Code == "DINKES").Select(e => e.Name).ToListAsync();
        Assert.DoesNotContain(Names(ws), dinkes.Contains);
    }

    [Fact]
    public async Task APlainPegawaiGets403AndNoWorkbookAndTheReportItselfRefusesThem()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var refused = await client.GetAsync(DisciplineReport.Link(2026));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(ReportExporter.ContentType, refused.Content.Headers.ContentType?.MediaType);
        Assert.Null(refused.Content.Headers.ContentDisposition);

        // Behind the endpoint's gate the report asks the page's rule itself.
        await using var scope = await factory.ScopeForAsync("pegawai");
        var report = scope.ServiceProvider.GetRequiredService<DisciplineReport>();
        await Assert.ThrowsAsync<ForbiddenException>(() => report.BuildAsync(new DisciplineRequest(2026), CancellationToken.None));
    }

    [Fact]
    public async Task AYearNotYetBegunIsRefusedInIndonesian()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var response = await client.GetAsync(DisciplineReport.Link(2027));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tahun 2027 tidak dapat diunduh", await response.Content.ReadAsStringAsync());
    }

    private static void AssertRowsMatch(IXLWorksheet ws, IReadOnlyList<DisciplineRow> page)
    {
        Assert.Equal(page.Select(r => r.Employee.Name), Names(ws));
        for (var i = 0; i < page.Count; i++)
        {
            var (row, r) = (SheetPlan.FirstDataRow + i, page[i]);
            Assert.Equal(r.Employee.Nip ?? "non-ASN", ws.Cell(row, 2).GetString());
            Assert.Equal(r.UnitName, ws.Cell(row, 5).GetString());
            Assert.Equal(r.Assessment.TkDays, ws.Cell(row, 6).GetDouble());
            Assert.Equal(r.Assessment.LongestRun, ws.Cell(row, 7).GetDouble());
            Assert.Equal(r.Assessment.Level == DisciplineLevel.None ? "" : r.Assessment.Level.Label(), ws.Cell(row, 9).GetString());
            Assert.Equal(r.Assessment.DaysToNext?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", ws.Cell(row, 10).GetString());
            Assert.Equal(r.Assessment.Next?.Label() ?? "", ws.Cell(row, 11).GetString());
        }
    }

    private static List<string> Names(IXLWorksheet ws)
    {
        var names = new List<string>();
        // The totals row closes the list: it holds its label in the first column, not a row number.
        for (var r = SheetPlan.FirstDataRow; ws.Cell(r, 1).DataType == XLDataType.Number; r++)
        {
            names.Add(ws.Cell(r, NameColumn).GetString());
        }
        return names;
    }

    private async Task HostileStaffAsync()
    {
        await Arrange.WaitAsync();
        try
        {
            await using var db = factory.CreateDbContext();
            var unit = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
            if (await db.Employees.AnyAsync(e => e.Name == Hostile[0]))
            {
                return;
            }
            // Written past the service's own check; two TK days each on Monday and Tuesday 5–6 October 2026.
            var people = Hostile.Select(h => new Employee { Name = h, Position = h, UnitId = unit.Id, EmploymentType = EmploymentType.NonAsn }).ToList();
            db.Employees.AddRange(people);
            await db.SaveChangesAsync();
            var now = factory.Time.GetUtcNow().UtcDateTime;
            db.AttendanceDays.AddRange(people.SelectMany(p => new[] { 5, 6 }.Select(d => new AttendanceDay
            {
                EmployeeId = p.Id, Date = new DateOnly(2026, 10, d), Code = AttendanceCode.TK, IsClosed = true, UpdatedUtc = now,
            })));
            await db.SaveChangesAsync();
        }
        finally
        {
            Arrange.Release();
        }
    }
}
