using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

public class AdminAttendanceTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task ARamadanOverrideForAUnitMovesTheStartTo0800()
    {
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            await using var db = factory.CreateDbContext();
            var unit = await db.Units.Where(u => u.Code == "KEC-KOTA").Select(u => u.Id).SingleAsync();
            var input = ScheduleInput.FromWeek("Ramadan (uji)", scope.ServiceProvider.GetRequiredService<AttendanceAdminQueries>().RamadanWeek, FakeClock.StartDay, FakeClock.StartDay);
            input.UnitId = unit;
            await scope.ServiceProvider.GetRequiredService<SaveSchedule>().SaveScheduleAsync(null, input, null);
            Assert.Contains(await scope.ServiceProvider.GetRequiredService<AttendanceAdminQueries>().ListSchedulesAsync(), s => s.Name == "Ramadan (uji)" && s.UnitName.Contains("Kecamatan Kota Atambua"));

            var broken = ScheduleInput.FromWeek("Rusak", scope.ServiceProvider.GetRequiredService<AttendanceAdminQueries>().DefaultWeek, FakeClock.StartDay, null);
            var error = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SaveSchedule>().SaveScheduleAsync(null, broken, null));
            Assert.Contains("tanggal selesai", error.Message);
        }
        var (camat, nip) = await factory.StaffWithCleanRecordAsync("KEC-KOTA");
        var (other, otherNip) = await factory.StaffWithCleanRecordAsync("DINSOS");
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            var ingest = scope.ServiceProvider.GetRequiredService<Belu.Portal.Features.Attendance.Devices.DeviceIngestService>();
            var at = FakeClock.Start.UtcDateTime;
            await ingest.IngestAsync([new(0, nip, at, null), new(1, otherNip, at, null)], PunchSource.Import, null);
        }
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            var grid = await ReadTodayAsync(scope, camat, other);
            Assert.Equal(AttendanceCode.H, grid[camat, FakeClock.StartDay]!.Code);
            Assert.Equal(AttendanceCode.TL1, grid[other, FakeClock.StartDay]!.Code);
        }
    }

    private static async Task<DayGrid> ReadTodayAsync(AsyncServiceScope scope, params int[] ids)
    {
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<Belu.Portal.Data.PortalDbContext>>().CreateDbContext();
        var staff = await AttendanceEngine.Staff(db).Where(s => ids.Contains(s.Id)).ToListAsync();
        return await scope.ServiceProvider.GetRequiredService<AttendanceEngine>().ReadAsync(db, staff, FakeClock.StartDay, FakeClock.StartDay);
    }

    [Fact]
    public async Task AHolidayAddedForAClosedDayMakesItADayOffForEveryone()
    {
        var day = new DateOnly(2026, 11, 25);
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        await using var scope = await factory.ScopeForAsync("admin");
        await scope.ServiceProvider.GetRequiredService<SaveHoliday>().AddHolidayAsync(day, "Libur daerah HUT Kabupaten (uji)", HolidayKind.LiburDaerah);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(AttendanceCode.Libur, (await AttendanceTestData.DayAsync(db, pegawai, day))!.Code);
        }
        await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SaveHoliday>().AddHolidayAsync(day, "Dua kali", HolidayKind.LiburDaerah));
        var holiday = (await scope.ServiceProvider.GetRequiredService<AttendanceAdminQueries>().ListHolidaysAsync(2026)).Single(h => h.Date == day);
        await scope.ServiceProvider.GetRequiredService<SaveHoliday>().DeleteHolidayAsync(holiday.Id);
        await using (var db = factory.CreateDbContext())
        {
            Assert.NotEqual(AttendanceCode.Libur, (await AttendanceTestData.DayAsync(db, pegawai, day))!.Code);
        }
        Assert.Equal(25, (await scope.ServiceProvider.GetRequiredService<AttendanceAdminQueries>().ListHolidaysAsync(2026)).Count);
    }

    [Fact]
    public async Task ACorrectionNeedsAReasonIsAuditedAndOnlyForAdmins()
    {
        var (employee, _) = await factory.StaffOfUnitAsync("DINKES", skip: 2);
        var day = new DateOnly(2026, 11, 26);
        await using (var scope = await factory.ScopeForAsync("pimpinan"))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<CorrectDay>()
                .CorrectDayAsync(employee, day, AttendanceCode.DL, "Surat tugas menyusul."));
        }
        await using var adminScope = await factory.ScopeForAsync("admin");
        await Assert.ThrowsAsync<ValidationException>(() => adminScope.ServiceProvider.GetRequiredService<CorrectDay>().CorrectDayAsync(employee, day, AttendanceCode.DL, ""));
        await Assert.ThrowsAsync<ValidationException>(() => adminScope.ServiceProvider.GetRequiredService<CorrectDay>().CorrectDayAsync(employee, FakeClock.StartDay.AddDays(2), AttendanceCode.DL, "Belum terjadi."));

        await adminScope.ServiceProvider.GetRequiredService<CorrectDay>().CorrectDayAsync(employee, day, AttendanceCode.DL, "Surat tugas nomor 800/123 menyusul.");
        var corrected = await adminScope.ServiceProvider.GetRequiredService<AttendanceAdminQueries>().GetDayAsync(employee, day);
        Assert.Equal(AttendanceCode.DL, corrected.Result!.Code);
        Assert.Contains("800/123", corrected.CorrectionReason);

        // The daily close keeps a correction.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DailyCloseService>().CloseDayAsync(day);
        }
        Assert.Equal(AttendanceCode.DL, (await adminScope.ServiceProvider.GetRequiredService<AttendanceAdminQueries>().GetDayAsync(employee, day)).Result!.Code);
        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.Action == "attendance.day.corrected").ToListAsync();
        Assert.Contains(audit, a => a.Detail!.Contains("→ DL") && a.Detail.Contains("800/123") && a.UserName == "admin");
    }

    [Fact]
    public async Task ThePenaltyTableIsTheAdminsToChange()
    {
        await using var scope = await factory.ScopeForAsync("admin");
        var rates = new Dictionary<AttendanceCode, decimal>(await scope.ServiceProvider.GetRequiredService<AttendanceAdminQueries>().GetPenaltiesAsync());
        Assert.Equal(4m, rates[AttendanceCode.TK]);
        rates[AttendanceCode.TK] = 3m;
        await scope.ServiceProvider.GetRequiredService<SavePenalties>().SavePenaltiesAsync(rates);
        Assert.Equal(3m, (await scope.ServiceProvider.GetRequiredService<AttendanceAdminQueries>().GetPenaltiesAsync())[AttendanceCode.TK]);
        rates[AttendanceCode.TK] = 101m;
        await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SavePenalties>().SavePenaltiesAsync(rates));
        rates[AttendanceCode.TK] = 4m;
        await scope.ServiceProvider.GetRequiredService<SavePenalties>().SavePenaltiesAsync(rates);
    }
}

public class DisciplineWatchTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task EmployeesSeeThemselvesLeadersTheirUnitsAndBkpsdmEveryone()
    {
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            var own = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().DisciplineAsync(2026);
            Assert.Equal(pegawai, Assert.Single(own).Employee.Id);
        }

        IReadOnlyList<DisciplineRow> leader;
        await using (var scope = await factory.ScopeForAsync("pimpinan"))
        {
            leader = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().DisciplineAsync(2026);
        }
        await using (var db = factory.CreateDbContext())
        {
            var diskominfo = await db.Units.Where(u => u.Code == "DISKOMINFO").Select(u => u.Id).SingleAsync();
            var units = await db.Units.Where(u => u.Id == diskominfo || u.ParentId == diskominfo).Select(u => u.Id).ToListAsync();
            var inUnits = await db.Employees.Where(e => units.Contains(e.UnitId)).Select(e => e.Id).ToListAsync();
            Assert.All(leader, r => Assert.Contains(r.Employee.Id, inUnits));
        }

        IReadOnlyList<DisciplineRow> everyone;
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            everyone = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().DisciplineAsync(2026);
        }
        Assert.True(everyone.Count >= leader.Count);
        Assert.Contains(everyone, r => r.Assessment.Level == DisciplineLevel.TeguranLisan);
        Assert.Contains(everyone, r => r.Assessment.OneDayAway && r.Assessment.Level == DisciplineLevel.None);
        var adminId = await factory.EmployeeIdOfAsync("admin");
        Assert.All(everyone.Where(r => r.Employee.Id != adminId), r => Assert.True(r.Assessment.TkDays > 0));

        // A plain Pegawai of BKPSDM sees only themself; a BKPSDM leader without the admin role watches the whole regency.
        var (officer, _) = await factory.StaffOfUnitAsync("BKPSDM");
        await using (var setup = factory.Services.CreateAsyncScope())
        {
            var users = setup.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "bkpsdm-uji", EmployeeId = officer, DisplayName = "Petugas BKPSDM" };
            Assert.True((await users.CreateAsync(user, PortalFactory.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Pegawai);
        }
        await using (var scope = await factory.ScopeForAsync("bkpsdm-uji"))
        {
            var plain = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().DisciplineAsync(2026);
            Assert.Equal(officer, Assert.Single(plain).Employee.Id);
        }
        await using (var setup = factory.Services.CreateAsyncScope())
        {
            var users = setup.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.AddToRoleAsync((await users.FindByNameAsync("bkpsdm-uji"))!, Roles.Pimpinan);
        }
        await using (var scope = await factory.ScopeForAsync("bkpsdm-uji"))
        {
            var bkpsdm = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().DisciplineAsync(2026);
            Assert.Equal(everyone.Where(r => r.Employee.Id != adminId).Select(r => r.Employee.Id).Order(),
                bkpsdm.Where(r => r.Employee.Id != officer).Select(r => r.Employee.Id).Order());
        }
    }
}
