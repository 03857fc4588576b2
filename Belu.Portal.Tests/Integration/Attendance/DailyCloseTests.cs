using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

public class DailyCloseTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task ClosingADayTwiceChangesNothingAndMarksTKForWorkingDaysWithoutPunches()
    {
        var thursday = FakeClock.StartDay.AddDays(-1);
        var (absent, _) = await factory.StaffOfUnitAsync("SATPOLPP");
        await using (var db = factory.CreateDbContext())
        {
            // The demo history has already closed Thursday for every unit: undo that, and make one person absent.
            var start = thursday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            await db.Punches.Where(p => p.EmployeeId == absent && p.AtUtc >= start && p.AtUtc < start.AddDays(1)).ExecuteDeleteAsync();
            await db.AttendanceDays.Where(d => d.Date == thursday).ExecuteDeleteAsync();
        }
        await using var scope = factory.Services.CreateAsyncScope();
        var close = scope.ServiceProvider.GetRequiredService<DailyCloseService>();

        var firstChanges = await close.CloseDayAsync(thursday);
        Assert.True(firstChanges > 0);
        List<AttendanceDay> afterFirst;
        await using (var db = factory.CreateDbContext())
        {
            afterFirst = await db.AttendanceDays.AsNoTracking().Where(d => d.Date == thursday).OrderBy(d => d.EmployeeId).ToListAsync();
            Assert.Equal(AttendanceCode.TK, afterFirst.Single(d => d.EmployeeId == absent).Code);
            Assert.Equal(4m, afterFirst.Single(d => d.EmployeeId == absent).DeductionPercent);
            Assert.Equal(await AttendanceEngine.Staff(db).CountAsync(), afterFirst.Count);
        }

        Assert.Equal(0, await close.CloseDayAsync(thursday));
        await using (var db = factory.CreateDbContext())
        {
            var afterSecond = await db.AttendanceDays.AsNoTracking().Where(d => d.Date == thursday).OrderBy(d => d.EmployeeId).ToListAsync();
            Assert.Equal(afterFirst.Select(d => (d.Id, d.Code, d.UpdatedUtc)), afterSecond.Select(d => (d.Id, d.Code, d.UpdatedUtc)));
        }
        await Assert.ThrowsAsync<ValidationException>(() => close.CloseDayAsync(FakeClock.StartDay));
    }

}

public class DailyCloseCatchUpTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task AfterDowntimeTheServiceCatchesUpTheMissedDaysInOrder()
    {
        // The portal ran on Friday morning (the history is closed up to Thursday), then was down until Monday morning.
        Assert.NotNull(factory.Services);
        var (absent, _) = await factory.StaffOfUnitAsync("DISHUB");
        await using (var setup = factory.CreateDbContext())
        {
            // The demo gives everyone this morning's check-in; this person stays away from Friday on.
            var friday = FakeClock.StartDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            await setup.Punches.Where(p => p.EmployeeId == absent && p.AtUtc >= friday).ExecuteDeleteAsync();
        }
        var monday = FakeClock.StartDay.AddDays(3);
        factory.SetLocal(monday, 7, 0);

        // The hosted worker's timer runs on the same clock: it notices the missed days by itself.
        await using var db = factory.CreateDbContext();
        for (var attempt = 0; attempt < 100 && await AttendanceEngine.LastClosedDayAsync(db) != monday.AddDays(-1); attempt++)
        {
            // Each step lets one tick of the worker's timer fall due, whenever the worker created it.
            await Task.Delay(50);
            factory.Time.Advance(TimeSpan.FromMinutes(5));
        }
        Assert.Equal(monday.AddDays(-1), await AttendanceEngine.LastClosedDayAsync(db));

        var days = await db.AttendanceDays.AsNoTracking().Where(d => d.EmployeeId == absent && d.Date >= FakeClock.StartDay).OrderBy(d => d.Date).ToListAsync();
        Assert.Equal([AttendanceCode.TK, AttendanceCode.Libur, AttendanceCode.Libur], days.Select(d => d.Code));

        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<DailyCloseService>().CatchUpAsync());
    }
}

public class DailyCloseFreshInstallTests(EmptyPortalFactory factory) : IClassFixture<EmptyPortalFactory>
{
    [Fact]
    public async Task AFreshInstallationStartsCountingTodayAndMarksNobodyAbsentForThePast()
    {
        var yesterday = factory.Services.GetRequiredService<OfficeClock>().Today.AddDays(-1);
        await using var db = factory.CreateDbContext();
        for (var attempt = 0; attempt < 200 && await AttendanceEngine.LastClosedDayAsync(db) is null; attempt++)
        {
            await Task.Delay(50);
        }
        Assert.Equal(yesterday, await AttendanceEngine.LastClosedDayAsync(db));
        Assert.Equal(0, await db.AttendanceDays.CountAsync());
    }
}

public class RecapAcrossTheLastCloseTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task ClosedDaysComeFromTheirStoredRowsAndTodayFromItsPunches()
    {
        var thursday = FakeClock.StartDay.AddDays(-1);
        var (member, _) = await factory.StaffWithCleanRecordAsync("SATPOLPP", skip: 1);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DailyCloseService>().CloseDayAsync(thursday);
        }
        int opd;
        await using (var db = factory.CreateDbContext())
        {
            opd = await db.Units.Where(u => u.Code == "SATPOLPP").Select(u => u.Id).SingleAsync();
            // Put straight into the table, past the recorder that would rewrite the closed day: a closed day is read from
            // its stored row (TK stays), today is classified from its punches.
            db.Punches.Add(new Punch { EmployeeId = member, AtUtc = new DateTime(2026, 11, 26, 0, 10, 0, DateTimeKind.Utc), Source = PunchSource.Import, RecordedUtc = factory.Time.GetUtcNow().UtcDateTime });
            db.Punches.Add(new Punch { EmployeeId = member, AtUtc = new DateTime(2026, 11, 26, 23, 40, 0, DateTimeKind.Utc), Source = PunchSource.Import, RecordedUtc = factory.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        await using var admin = await factory.ScopeForAsync("admin");
        var grid = await admin.ServiceProvider.GetRequiredService<AttendanceReportService>().RecapAsync(opd, 2026, 11);
        var row = grid.Rows.Single(r => r.Employee.Id == member);
        Assert.Equal(AttendanceCode.TK, row.Days[thursday.Day - 1]!.Code);
        var today = row.Days[FakeClock.StartDay.Day - 1];
        Assert.NotNull(today);
        Assert.Equal(new TimeOnly(7, 40), today.CheckIn);
    }
}
