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

/// <summary>The daily late list read back cell by cell, from the hand-made unit and from a demo day.</summary>
public class DailyLateListExportTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly October = RecapTestUnit.October;

    [Fact]
    public async Task TheDailyLateListHoldsThoseLateThatDayWithTheirMinutes()
    {
        var (unitId, a, b) = await RecapTestUnit.ArrangeAsync(factory);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using var book = await RecapTestUnit.DownloadAsync(client, DailyLateReport.Link(unitId, new DateOnly(2026, 10, 2)));
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

        using var first = await RecapTestUnit.DownloadAsync(client, DailyLateReport.Link(unitId, October));
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

        using var book = await RecapTestUnit.DownloadAsync(client, DailyLateReport.Link(kominfo, day));
        var ws = book.Worksheet(1);
        var names = Enumerable.Range(0, late.Count).Select(i => ws.Cell(SheetPlan.FirstDataRow + i, 3).GetString()).ToList();
        Assert.Equal(late.Select(r => r.Employee.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        if (late.Count > 0)
        {
            Assert.Equal(late.Where(r => r.Result.CheckIn is not null).Sum(r => r.Result.LateMinutes), ws.Cell(SheetPlan.FirstDataRow + late.Count, 9).GetDouble());
        }
    }
}
