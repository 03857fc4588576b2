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
/// A sub-unit of Diskominfo with two people and a hand-made, closed October 2026, so that every total the recap
/// tests read back is worked out by hand from the table below.
/// </summary>
internal static class RecapTestUnit
{
    public static readonly DateOnly October = new(2026, 10, 1);

    private static readonly SemaphoreSlim Arrange = new(1, 1);

    /// <summary>Made once per portal (its database); later callers get the same unit and people.</summary>
    public static async Task<(int UnitId, Employee A, Employee B)> ArrangeAsync(FakeClockPortalFactory factory)
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

    public static async Task<XLWorkbook> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }
}
