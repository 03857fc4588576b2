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
/// The monthly recap read back cell by cell. A small unit of two people gets a hand-made
/// October 2026 (stored, closed days), so every total below is worked out by hand from the table in the test.
/// </summary>
public class AttendanceExportTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly October = RecapTestUnit.October;
    private const int Days = 31;
    private const int DayColumn = AttendanceRecapReport.FirstDayColumn;
    private const int CodeColumn = DayColumn + Days;
    private const int MinutesColumn = CodeColumn + 14;
    private const int TppColumn = MinutesColumn + 1;

    [Fact]
    public async Task TheMonthlySheetHoldsTheCodesTotalsMinutesAndDeductionWorkedOutByHand()
    {
        var (unitId, a, b) = await RecapTestUnit.ArrangeAsync(factory);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using var book = await RecapTestUnit.DownloadAsync(client, AttendanceRecapReport.Link([unitId], 2026, 10));

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
        var (unitId, _, _) = await RecapTestUnit.ArrangeAsync(factory);
        var aptika = await UnitAsync("Bidang Aplikasi Informatika", "DISKOMINFO");
        var dinkes = await factory.CreateDbContext().Units.Where(u => u.Code == "DINKES").Select(u => u.Id).SingleAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using (var book = await RecapTestUnit.DownloadAsync(client, AttendanceRecapReport.Link([aptika, unitId], 2026, 10)))
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
        using var book = await RecapTestUnit.DownloadAsync(client, AttendanceRecapReport.Link([empty.Id], 2026, 10));
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
}
