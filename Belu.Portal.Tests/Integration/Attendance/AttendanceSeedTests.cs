using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

public class AttendanceSeedTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheDemoHasThreeMonthsOfRealisticHistory()
    {
        await using var db = factory.CreateDbContext();
        var pegawai = await db.Users.Where(u => u.UserName == "pegawai").Select(u => u.EmployeeId!.Value).SingleAsync();
        var days = await db.AttendanceDays.Where(d => d.EmployeeId == pegawai).ToListAsync();
        // The history runs from the first of the month three months back to yesterday, whatever day the suite runs on.
        var today = TestClock.Today;
        var from = AttendanceDemoSeed.HistoryStart(today);
        var unit = await db.Employees.Where(e => e.Id == pegawai).Select(e => e.UnitId).SingleAsync();
        var book = await factory.Services.GetRequiredService<AttendanceEngine>().LoadBookAsync(db, from, today);
        var workingDays = Enumerable.Range(0, today.DayNumber - from.DayNumber).Select(from.AddDays).Where(d => book.IsWorkingDay(unit, d)).ToList();
        Assert.InRange(workingDays.Count, 55, 90);
        Assert.All(days, d => Assert.InRange(d.Date, from, today.AddDays(-1)));
        Assert.Subset(days.Select(d => d.Date).ToHashSet(), workingDays.ToHashSet());
        Assert.All(days, d => Assert.True(d.IsClosed));
        Assert.True(days.Count(d => d.Code == AttendanceCode.H) > workingDays.Count / 2);
        var all = await db.AttendanceDays.GroupBy(d => d.Code).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Assert.True(all[AttendanceCode.H] > all.GetValueOrDefault(AttendanceCode.TL1) * 3);
        Assert.True(all.GetValueOrDefault(AttendanceCode.TK) > 0);
        Assert.True(all.GetValueOrDefault(AttendanceCode.DL) + all.GetValueOrDefault(AttendanceCode.C) + all.GetValueOrDefault(AttendanceCode.S) > 0);
        Assert.Equal(25, await db.Holidays.CountAsync(h => h.Date.Year == 2026));
        Assert.NotNull(await AttendanceEngine.LastClosedDayAsync(db));
        // Rows inserted in bulk read back through EF like any other.
        var one = await db.Punches.OrderBy(p => p.AtUtc).FirstAsync();
        Assert.Equal(one.Id, (await db.Punches.SingleAsync(p => p.Id == one.Id)).Id);
        var aDay = days[10];
        Assert.Equal(aDay.Id, (await db.AttendanceDays.SingleAsync(d => d.Id == aDay.Id && d.Date == aDay.Date)).Id);
    }

    [Fact]
    public async Task EveryUnitsClosedWorkingDaysAreCoded()
    {
        // The seed marks the days up to yesterday closed, so no one's closed working day may be left blank: a blank
        // closed day would read as nothing at all instead of H, TK, DL, C or S.
        await using var db = factory.CreateDbContext();
        var today = TestClock.Today;
        var from = AttendanceDemoSeed.HistoryStart(today);
        var book = await factory.Services.GetRequiredService<AttendanceEngine>().LoadBookAsync(db, from, today);
        var staff = await AttendanceEngine.Staff(db).ToListAsync();
        var coded = (await db.AttendanceDays.Where(d => d.Date >= from && d.Date < today).Select(d => new { d.EmployeeId, d.Date }).ToListAsync())
            .Select(d => (d.EmployeeId, d.Date)).ToHashSet();
        var blank = staff
            .SelectMany(s => Enumerable.Range(0, today.DayNumber - from.DayNumber).Select(from.AddDays)
                .Where(d => book.IsWorkingDay(s.UnitId, d)).Select(d => (EmployeeId: s.Id, Date: d)))
            .Where(k => !coded.Contains(k)).ToList();
        Assert.Empty(blank);
        var units = await db.Units.Where(u => u.ParentId != null && u.Parent!.ParentId == null).CountAsync();
        Assert.True(units > 20);
    }
}
