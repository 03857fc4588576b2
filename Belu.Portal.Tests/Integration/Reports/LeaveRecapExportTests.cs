using System.Net;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Leave;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports.Attendance;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Reports;

/// <summary>
/// The cuti balance in the monthly recap and the yearly cuti recap per unit, read back from the workbooks. A sub-unit of
/// Diskominfo with two PNS in service since 2015 and 2016 and a hand-made 2026 (docs/domain/leave.md):
/// A: opening 2026 with 4 days carried from N-1; cuti tahunan Mon 5–Wed 7 Oct (3) and Fri 16–Mon 19 Oct (2 working
///    days, the weekend is free); cuti sakit Mon 12–Tue 13 Oct (2). Taken 5 of 16: N-1's 4 first, then 1 of N → 11/0/0.
/// B: no opening, so 2025 is his first recorded year: 12 unused, 6 carry → 2026 has 12 + 6; cuti karena alasan
///    penting Thu 22–Fri 23 Oct (2), which leaves the annual right alone → 12/6/0, 18 in all.
/// </summary>
public class LeaveRecapExportTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly SemaphoreSlim Arrange = new(1, 1);

    [Fact]
    public async Task TheYearlyRecapPerUnitCountsEachKindAndTheBalanceWorkedOutByHand()
    {
        var (unitId, a, b) = await ArrangeAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        using var book = await RecapTestUnit.DownloadAsync(client, LeaveRecapReport.Link(unitId, 2026));

        var ws = Assert.Single(book.Worksheets);
        Assert.Equal("Rekap Cuti Tahunan per Unit", ws.Cell("A2").GetString());
        Assert.Equal("Unit: Dinas Komunikasi dan Informatika › Subbagian Uji Cuti", ws.Cell("A3").GetString());
        var rowA = RowOf(ws, a.Name);
        var rowB = RowOf(ws, b.Name);
        Assert.Equal(a.Nip, ws.Cell(rowA, Column(ws, "NIP")).GetString());
        var expected = new Dictionary<string, (int A, int B)>
        {
            ["Hak cuti tahunan"] = (16, 18),
            ["Cuti Tahunan (hari kerja)"] = (5, 0),
            ["Cuti Sakit (hari kerja)"] = (2, 0),
            ["Cuti Karena Alasan Penting (hari kerja)"] = (0, 2),
            ["Cuti Besar (hari kerja)"] = (0, 0),
            ["Sisa cuti N-2 (2024)"] = (0, 0),
            ["Sisa cuti N-1 (2025)"] = (0, 6),
            ["Sisa cuti N (2026)"] = (11, 12),
            ["Jumlah sisa"] = (11, 18),
        };
        foreach (var (header, (forA, forB)) in expected)
        {
            var column = Column(ws, header);
            Assert.Equal(forA, ws.Cell(rowA, column).GetValue<int>());
            Assert.Equal(forB, ws.Cell(rowB, column).GetValue<int>());
            // The totals row sums the column.
            Assert.Equal(forA + forB, ws.Cell(rowB + 1, column).GetValue<int>());
        }
    }

    [Fact]
    public async Task TheMonthlyRecapShowsEachEmployeesBalanceOnThePageAndInTheSheet()
    {
        var (unitId, a, b) = await ArrangeAsync();
        await using (var scope = await factory.ScopeForAsync("pimpinan"))
        {
            var grid = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().RecapAsync(unitId, 2026, 10);
            Assert.Equal((11, 0, 0), Left(grid.LeaveOf(a.Id)!));
            Assert.Equal((12, 6, 0), Left(grid.LeaveOf(b.Id)!));
        }
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        using var book = await RecapTestUnit.DownloadAsync(client, AttendanceRecapReport.Link([unitId], 2026, 10));
        var ws = Assert.Single(book.Worksheets);
        foreach (var (employee, n, n1, n2) in new[] { (a, 11, 0, 0), (b, 12, 6, 0) })
        {
            var row = RowOf(ws, employee.Name);
            Assert.Equal(n, ws.Cell(row, Column(ws, "Sisa cuti N (2026)")).GetValue<int>());
            Assert.Equal(n1, ws.Cell(row, Column(ws, "Sisa cuti N-1 (2025)")).GetValue<int>());
            Assert.Equal(n2, ws.Cell(row, Column(ws, "Sisa cuti N-2 (2024)")).GetValue<int>());
        }
        // The leave days are C in the month, the weekend inside the second cuti tahunan is L.
        var rowA = RowOf(ws, a.Name);
        foreach (var (day, code) in new[] { (5, "C"), (7, "C"), (12, "C"), (16, "C"), (17, "L"), (18, "L"), (19, "C") })
        {
            Assert.Equal(code, ws.Cell(rowA, AttendanceRecapReport.FirstDayColumn + day - 1).GetString());
        }
    }

    [Fact]
    public async Task APlainEmployeeGets403ForTheYearlyRecapAndForAnotherEmployeesBalance()
    {
        var (unitId, a, _) = await ArrangeAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var response = await client.GetAsync(LeaveRecapReport.Link(unitId, 2026));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        foreach (var user in new[] { "pegawai", "pimpinan" })
        {
            await using var scope = await factory.ScopeForAsync(user);
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<LeaveQueries>().ForEmployeeAsync(a.Id));
        }
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            var view = await scope.ServiceProvider.GetRequiredService<LeaveQueries>().ForEmployeeAsync(a.Id);
            Assert.Equal(4, view.Opening!.CarriedFromN1);
            Assert.Equal(11, view.Balance.Balance.LeftN);
        }
    }

    private static (int, int, int) Left(AnnualBalance b) => (b.LeftN, b.LeftN1, b.LeftN2);

    private static int RowOf(IXLWorksheet ws, string name) =>
        ws.Column(3).CellsUsed().Single(c => c.GetString() == name).Address.RowNumber;

    private static int Column(IXLWorksheet ws, string header) =>
        ws.Row(SheetPlan.HeaderRow).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber;

    private async Task<(int UnitId, Employee A, Employee B)> ArrangeAsync()
    {
        await Arrange.WaitAsync();
        try
        {
            await using var db = factory.CreateDbContext();
            if (await db.Units.SingleOrDefaultAsync(u => u.Code == "UJI-CUTI") is Unit existing)
            {
                var people = await db.Employees.Where(e => e.UnitId == existing.Id).OrderBy(e => e.Name).ToListAsync();
                return (existing.Id, people[0], people[1]);
            }
            var parent = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
            var unit = new Unit { Name = "Subbagian Uji Cuti", Code = "UJI-CUTI", Kind = UnitKind.Bagian, ParentId = parent.Id, SortOrder = 98 };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            var a = new Employee { Name = "Pegawai Uji Cuti A", Nip = "198805052015031003", Position = "Analis Uji", UnitId = unit.Id };
            var b = new Employee { Name = "Pegawai Uji Cuti B", Nip = "199003032016032004", Position = "Pranata Uji", UnitId = unit.Id };
            db.Employees.AddRange(a, b);
            await db.SaveChangesAsync();
            var now = factory.Time.GetUtcNow().UtcDateTime;
            AttendanceRequest Granted(Employee e, LeaveKind kind, int fromDay, int toDay) => new()
            {
                EmployeeId = e.Id, Kind = RequestKind.C, LeaveKind = kind, From = new DateOnly(2026, 10, fromDay), To = new DateOnly(2026, 10, toDay),
                Reason = "Rekap cuti uji", Status = RequestStatus.Disetujui, CreatedUtc = now, DecidedUtc = now,
            };
            db.AttendanceRequests.AddRange(
                Granted(a, LeaveKind.Tahunan, 5, 7), Granted(a, LeaveKind.Sakit, 12, 13), Granted(a, LeaveKind.Tahunan, 16, 19),
                Granted(b, LeaveKind.AlasanPenting, 22, 23));
            db.LeaveOpeningBalances.Add(new LeaveOpeningBalance { EmployeeId = a.Id, Year = 2026, CarriedFromN1 = 4, Note = "Kartu cuti uji", SetUtc = now });
            await db.SaveChangesAsync();
            // October is closed in the demo history: its days are rewritten as an approval would.
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var engine = scope.ServiceProvider.GetRequiredService<AttendanceEngine>();
                await ApprovedDays.RewriteClosedAsync(db, engine, [a.Id, b.Id], new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), CancellationToken.None);
            }
            return (unit.Id, a, b);
        }
        finally
        {
            Arrange.Release();
        }
    }
}
