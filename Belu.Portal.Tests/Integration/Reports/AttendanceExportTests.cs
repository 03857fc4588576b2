using System.Net;
using System.Net.Http.Json;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports.Attendance;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Reports;

/// <summary>
/// The monthly recap and the daily late list read back cell by cell. A small unit of two people gets a hand-made
/// October 2026 (stored, closed days), so every total below is worked out by hand from the table in the test.
/// </summary>
public class AttendanceExportTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private const int Days = 31;
    private const int DayColumn = AttendanceRecapReport.FirstDayColumn;
    private const int CodeColumn = DayColumn + Days;
    private const int MinutesColumn = CodeColumn + 14;
    private const int TppColumn = MinutesColumn + 1;

    [Fact]
    public async Task TheMonthlySheetHoldsTheCodesTotalsMinutesAndDeductionWorkedOutByHand()
    {
        var (unitId, a, b) = await SmallUnitAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using var book = await DownloadAsync(client, AttendanceRecapReport.Link([unitId], 2026, 10));

        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("DISKOMINFO Subbagian Uji Rekap", ws.Name);
        Assert.Equal("Rekap Absensi Bulanan", ws.Cell("A2").GetString());
        Assert.Equal("Unit: Dinas Komunikasi dan Informatika › Subbagian Uji Rekap", ws.Cell("A3").GetString());
        Assert.Equal("Periode: 1 Oktober 2026 s.d. 31 Oktober 2026", ws.Cell("A4").GetString());
        Assert.Equal("1", ws.Cell(SheetPlan.HeaderRow, DayColumn).GetString());
        Assert.Equal("31", ws.Cell(SheetPlan.HeaderRow, DayColumn + 30).GetString());
        Assert.Equal("H", ws.Cell(SheetPlan.HeaderRow, CodeColumn).GetString());
        Assert.Equal("I", ws.Cell(SheetPlan.HeaderRow, CodeColumn + 13).GetString());
        Assert.Equal("Menit terlambat", ws.Cell(SheetPlan.HeaderRow, MinutesColumn).GetString());
        Assert.Equal("Potongan TPP", ws.Cell(SheetPlan.HeaderRow, TppColumn).GetString());

        var rowA = RowOf(ws, "Pegawai Uji Rekap A");
        var rowB = RowOf(ws, "Pegawai Uji Rekap B");
        Assert.Equal(SheetPlan.FirstDataRow, rowA);
        Assert.Equal(XLDataType.Text, ws.Cell(rowA, 2).DataType);
        Assert.Equal(a.Nip, ws.Cell(rowA, 2).GetString());

        // The hand-made month: every stored day in its cell, weekends marked L, other days empty.
        var expectedA = new Dictionary<int, string> { [1] = "H", [2] = "TL2", [5] = "TK", [6] = "DL", [7] = "TL1·PSW4", [9] = "C" };
        var expectedB = new Dictionary<int, string> { [1] = "TL4", [2] = "S", [8] = "PSW1", [12] = "I" };
        foreach (var (row, expected) in new[] { (rowA, expectedA), (rowB, expectedB) })
        {
            for (var day = 1; day <= Days; day++)
            {
                var cell = ws.Cell(row, DayColumn + day - 1);
                var weekend = October.AddDays(day - 1).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                Assert.Equal(expected.TryGetValue(day, out var code) ? code : weekend ? "L" : "", cell.GetString());
            }
        }
        Assert.Equal(XLColor.FromHtml("#" + AttendanceCodeFills.Late), ws.Cell(rowA, DayColumn + 1).Style.Fill.BackgroundColor);
        Assert.Equal(XLColor.FromHtml("#" + AttendanceCodeFills.Absent), ws.Cell(rowA, DayColumn + 4).Style.Fill.BackgroundColor);
        Assert.Equal(XLColor.FromHtml("#" + AttendanceCodeFills.OnTime), ws.Cell(rowA, DayColumn).Style.Fill.BackgroundColor);
        Assert.Equal(XLColor.FromHtml("#" + AttendanceCodeFills.Off), ws.Cell(rowA, DayColumn + 2).Style.Fill.BackgroundColor);
        Assert.Equal(XLColor.FromHtml("#" + AttendanceCodeFills.Excused), ws.Cell(rowB, DayColumn + 1).Style.Fill.BackgroundColor);

        // A: H, TL2, TK, DL, TL1 and PSW4 on one day, C → one each; 45 + 10 minutes late;
        // TPP 1 (TL2) + 4 (TK) + 0.5 (TL1) + 2 (PSW4) = 7.5 %.
        AssertTotals(ws, rowA, new() { ["H"] = 1, ["TL1"] = 1, ["TL2"] = 1, ["PSW4"] = 1, ["TK"] = 1, ["DL"] = 1, ["C"] = 1 }, 55, 0.075);
        // B: TL4, S, PSW1, I; 95 minutes late; TPP 2 (TL4) + 0.5 (PSW1) = 2.5 %.
        AssertTotals(ws, rowB, new() { ["TL4"] = 1, ["S"] = 1, ["PSW1"] = 1, ["I"] = 1 }, 95, 0.025);

        var totals = SheetPlan.FirstDataRow + 2;
        Assert.Equal("Jumlah", ws.Cell(totals, 1).GetString());
        Assert.Equal(2, ws.Cell(totals, 3).GetDouble());
        Assert.Equal(1, ws.Cell(totals, CodeColumn + 1).GetDouble());
        Assert.Equal(1, ws.Cell(totals, CodeColumn + 4).GetDouble());
        Assert.Equal(150, ws.Cell(totals, MinutesColumn).GetDouble());
        Assert.Equal("0.00%", ws.Cell(rowA, TppColumn).Style.NumberFormat.Format);
    }

    [Fact]
    public async Task SeveralUnitsAreASheetEachAndAForeignUnitIsRefused()
    {
        var (unitId, _, _) = await SmallUnitAsync();
        var aptika = await UnitAsync("Bidang Aplikasi Informatika", "DISKOMINFO");
        var dinkes = await factory.CreateDbContext().Units.Where(u => u.Code == "DINKES").Select(u => u.Id).SingleAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using (var book = await DownloadAsync(client, AttendanceRecapReport.Link([aptika, unitId], 2026, 10)))
        {
            Assert.Equal(2, book.Worksheets.Count);
            Assert.Equal("DISKOMINFO Aplikasi Informatika", book.Worksheet(1).Name);
            Assert.Equal("DISKOMINFO Subbagian Uji Rekap", book.Worksheet(2).Name);
            Assert.StartsWith("Unit: Dinas Komunikasi dan Informatika › Bidang Aplikasi Informatika", book.Worksheet(1).Cell("A3").GetString());
            await using var scope = await factory.ScopeForAsync("pimpinan");
            var grid = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().RecapAsync(aptika, 2026, 10);
            var ws = book.Worksheet(1);
            for (var i = 0; i < grid.Rows.Count; i++)
            {
                var row = grid.Rows[i];
                Assert.Equal(row.Employee.Name, ws.Cell(SheetPlan.FirstDataRow + i, 3).GetString());
                Assert.Equal(row.Totals[AttendanceCode.H], ws.Cell(SheetPlan.FirstDataRow + i, CodeColumn).GetDouble());
                Assert.Equal((double)(row.DeductionPercent / 100m), ws.Cell(SheetPlan.FirstDataRow + i, TppColumn).GetDouble(), 6);
            }
        }

        var refused = await client.GetAsync(AttendanceRecapReport.Link([unitId, dinkes], 2026, 10));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(ReportExporter.ContentType, refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task APeriodBeyondOneMonthIsRefusedInIndonesian()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        var response = await client.GetAsync($"{AttendanceRecapReport.Path}?from=2026-01-01&to=2026-11-27");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("per bulan", problem!.Detail);
    }

    [Fact]
    public async Task AMonthWithNobodyInTheUnitSaysSo()
    {
        await using var db = factory.CreateDbContext();
        var parent = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var empty = new Unit { Name = "Subbagian Uji Kosong", Code = "UJI-KOSONG", Kind = UnitKind.Bagian, ParentId = parent.Id, SortOrder = 98 };
        db.Units.Add(empty);
        await db.SaveChangesAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        using var book = await DownloadAsync(client, AttendanceRecapReport.Link([empty.Id], 2026, 10));
        Assert.Equal(SheetPlan.EmptyMessage, Assert.Single(book.Worksheets).Cell(SheetPlan.FirstDataRow, 1).GetString());
    }

    [Fact]
    public async Task ASubUnitsFilesAreNamedAfterTheUnitAndThePeriodAsAClerkFilesThem()
    {
        var aptika = await UnitAsync("Bidang Aplikasi Informatika", "DISKOMINFO");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        var recap = await client.GetAsync(AttendanceRecapReport.Link([aptika], 2026, 10));
        Assert.Equal("rekap-absensi-diskominfo-aplikasi-informatika-2026-10.xlsx", recap.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using (var book = new XLWorkbook(new MemoryStream(await recap.Content.ReadAsByteArrayAsync())))
        {
            Assert.Equal("DISKOMINFO Aplikasi Informatika", Assert.Single(book.Worksheets).Name);
        }
        var late = await client.GetAsync(DailyLateReport.Link(aptika, new DateOnly(2026, 10, 2)));
        Assert.EndsWith("-diskominfo-aplikasi-informatika-2026-10-02.xlsx", late.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var lateBook = new XLWorkbook(new MemoryStream(await late.Content.ReadAsByteArrayAsync()));
        Assert.Equal("DISKOMINFO Aplikasi Informatika", Assert.Single(lateBook.Worksheets).Name);
    }

    [Fact]
    public async Task TheDailyLateListHoldsThoseLateThatDayWithTheirMinutes()
    {
        var (unitId, a, b) = await SmallUnitAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using var book = await DownloadAsync(client, DailyLateReport.Link(unitId, new DateOnly(2026, 10, 2)));
        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("Daftar Terlambat Harian", ws.Cell("A2").GetString());
        Assert.Equal("Periode: 2 Oktober 2026", ws.Cell("A4").GetString());
        Assert.Equal("Pegawai Uji Rekap A", ws.Cell(SheetPlan.FirstDataRow, 3).GetString());
        Assert.Equal("TL2", ws.Cell(SheetPlan.FirstDataRow, 6).GetString());
        Assert.Equal(ReportStyles.TimeFormat, ws.Cell(SheetPlan.FirstDataRow, 7).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.DateTime, ws.Cell(SheetPlan.FirstDataRow, 7).DataType);
        Assert.Equal(new TimeSpan(8, 15, 0), ws.Cell(SheetPlan.FirstDataRow, 7).GetDateTime().TimeOfDay);
        Assert.Equal(45, ws.Cell(SheetPlan.FirstDataRow, 9).GetDouble());
        Assert.Equal("Jumlah", ws.Cell(SheetPlan.FirstDataRow + 1, 1).GetString());

        using var first = await DownloadAsync(client, DailyLateReport.Link(unitId, October));
        var sheet = first.Worksheet(1);
        Assert.Equal("Pegawai Uji Rekap B", sheet.Cell(SheetPlan.FirstDataRow, 3).GetString());
        Assert.Equal("TL4", sheet.Cell(SheetPlan.FirstDataRow, 6).GetString());
        Assert.Equal(95, sheet.Cell(SheetPlan.FirstDataRow, 9).GetDouble());
        Assert.Equal(b.Nip, sheet.Cell(SheetPlan.FirstDataRow, 2).GetString());
        Assert.Equal(1, sheet.Cell(SheetPlan.FirstDataRow + 1, 3).GetDouble());
        Assert.NotEqual(a.Nip, sheet.Cell(SheetPlan.FirstDataRow + 1, 2).GetString());

        var future = await client.GetAsync(DailyLateReport.Link(unitId, FakeClock.StartDay.AddDays(1)));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        var dinkes = await factory.CreateDbContext().Units.Where(u => u.Code == "DINKES").Select(u => u.Id).SingleAsync();
        var foreign = await client.GetAsync(DailyLateReport.Link(dinkes, October));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.NotEqual(ReportExporter.ContentType, foreign.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheDailyLateListOfADemoDayMatchesTheTodayView()
    {
        var kominfo = await factory.CreateDbContext().Units.Where(u => u.Code == "DISKOMINFO").Select(u => u.Id).SingleAsync();
        var day = FakeClock.StartDay.AddDays(-1);
        await using var scope = await factory.ScopeForAsync("pimpinan");
        var view = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().DayAsync(kominfo, day);
        var late = view.Rows.Where(r => r.State == TodayState.Terlambat).ToList();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using var book = await DownloadAsync(client, DailyLateReport.Link(kominfo, day));
        var ws = book.Worksheet(1);
        var names = Enumerable.Range(0, late.Count).Select(i => ws.Cell(SheetPlan.FirstDataRow + i, 3).GetString()).ToList();
        Assert.Equal(late.Select(r => r.Employee.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        if (late.Count > 0)
        {
            Assert.Equal(late.Where(r => r.Result.CheckIn is not null).Sum(r => r.Result.LateMinutes), ws.Cell(SheetPlan.FirstDataRow + late.Count, 9).GetDouble());
        }
    }

    private static void AssertTotals(IXLWorksheet ws, int row, Dictionary<string, int> expected, int minutes, double tpp)
    {
        var codes = AttendanceCodes.Recap.Select(c => c.ToString()).ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            Assert.True(ws.Cell(row, CodeColumn + i).DataType == XLDataType.Number, $"{codes[i]} is not a number");
            Assert.Equal(expected.GetValueOrDefault(codes[i]), (int)ws.Cell(row, CodeColumn + i).GetDouble());
        }
        Assert.Equal(minutes, ws.Cell(row, MinutesColumn).GetDouble());
        Assert.Equal(tpp, ws.Cell(row, TppColumn).GetDouble(), 6);
    }

    private static int RowOf(IXLWorksheet ws, string name)
    {
        for (var r = SheetPlan.FirstDataRow; !ws.Cell(r, 3).IsEmpty(); r++)
        {
            if (ws.Cell(r, 3).GetString() == name)
            {
                return r;
            }
        }
        throw new Xunit.Sdk.XunitException($"{name} is not on the sheet");
    }

    private async Task<int> UnitAsync(string name, string parentCode)
    {
        await using var db = factory.CreateDbContext();
        return await db.Units.Where(u => u.Name == name && u.Parent!.Code == parentCode).Select(u => u.Id).SingleAsync();
    }

    private static readonly SemaphoreSlim Arrange = new(1, 1);

    /// <summary>A sub-unit of Diskominfo with two people and a hand-made, closed October (once per factory).</summary>
    private async Task<(int UnitId, Employee A, Employee B)> SmallUnitAsync()
    {
        await Arrange.WaitAsync();
        try
        {
            await using var db = factory.CreateDbContext();
            if (await db.Units.SingleOrDefaultAsync(u => u.Code == "UJI-REKAP") is Unit existing)
            {
                var people = await db.Employees.Where(e => e.UnitId == existing.Id).OrderBy(e => e.Name).ToListAsync();
                return (existing.Id, people[0], people[1]);
            }
            var closed = await AttendanceEngine.LastClosedDayAsync(db);
            Assert.True(closed >= new DateOnly(2026, 10, 31), "the demo history closes October");
            var parent = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
            var unit = new Unit { Name = "Subbagian Uji Rekap", Code = "UJI-REKAP", Kind = UnitKind.Bagian, ParentId = parent.Id, SortOrder = 99 };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            var a = new Employee { Name = "Pegawai Uji Rekap A", Nip = "199001012015031001", Position = "Analis Uji", UnitId = unit.Id };
            var b = new Employee { Name = "Pegawai Uji Rekap B", Nip = "199202022016032002", Position = "Pranata Uji", UnitId = unit.Id };
            db.Employees.AddRange(a, b);
            await db.SaveChangesAsync();

            AttendanceDay Day(Employee e, int day, AttendanceCode code, AttendanceCode? late = null, int lateMinutes = 0, AttendanceCode? early = null,
                TimeOnly? checkIn = null, TimeOnly? checkOut = null) => new()
            {
                EmployeeId = e.Id, Date = October.AddDays(day - 1), Code = code, LateCode = late, LateMinutes = lateMinutes, EarlyCode = early,
                CheckIn = checkIn, CheckOut = checkOut, IsClosed = true, UpdatedUtc = factory.Time.GetUtcNow().UtcDateTime,
            };
            db.AttendanceDays.AddRange(
                Day(a, 1, AttendanceCode.H, checkIn: new(7, 20), checkOut: new(16, 5)),
                Day(a, 2, AttendanceCode.TL2, AttendanceCode.TL2, 45, checkIn: new(8, 15), checkOut: new(16, 40)),
                Day(a, 5, AttendanceCode.TK),
                Day(a, 6, AttendanceCode.DL),
                Day(a, 7, AttendanceCode.TL1, AttendanceCode.TL1, 10, AttendanceCode.PSW4, checkIn: new(7, 40)),
                Day(a, 9, AttendanceCode.C),
                Day(b, 1, AttendanceCode.TL4, AttendanceCode.TL4, 95, checkIn: new(9, 5), checkOut: new(16, 10)),
                Day(b, 2, AttendanceCode.S),
                Day(b, 8, AttendanceCode.PSW1, early: AttendanceCode.PSW1, checkIn: new(7, 25), checkOut: new(15, 50)),
                Day(b, 12, AttendanceCode.I));
            await db.SaveChangesAsync();
            return (unit.Id, a, b);
        }
        finally
        {
            Arrange.Release();
        }
    }

    private static async Task<XLWorkbook> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }
}
