using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>An admin closes past days again after a late-approved request or a lost row, and sees what changed.</summary>
public class RecloseDaysTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Fact]
    public async Task ReclosingARangeRewritesEveryUnitShowsTheChangesAuditsThemAndIsIdempotent()
    {
        var (pegawai, _) = await factory.StaffOfUnitAsync("BPKAD");
        var (outsider, _) = await factory.StaffOfUnitAsync("KEC-KOTA");
        DateOnly leaveDay;
        await using (var db = factory.CreateDbContext())
        {
            // A working day of the range that no request covers yet.
            var notRequested = new[] { AttendanceCode.C, AttendanceCode.DL, AttendanceCode.S, AttendanceCode.I };
            leaveDay = await db.AttendanceDays.Where(d => d.EmployeeId == pegawai && d.Date >= Monday && d.Date < Wednesday && !notRequested.Contains(d.Code))
                .MinAsync(d => d.Date);
            // A leave approved outside the portal's road (nothing rewrote the day), and a row of another unit lost.
            db.AttendanceRequests.Add(new AttendanceRequest
            {
                EmployeeId = pegawai, Kind = RequestKind.C, From = leaveDay, To = leaveDay, Reason = "Cuti disetujui terlambat",
                Status = RequestStatus.Disetujui, CreatedUtc = FakeClock.Start.UtcDateTime, DecidedUtc = FakeClock.Start.UtcDateTime,
            });
            await db.SaveChangesAsync();
            await db.AttendanceDays.Where(d => d.EmployeeId == outsider && d.Date == Wednesday).ExecuteDeleteAsync();
        }

        await using var scope = await factory.ScopeForAsync("admin");
        var reclose = scope.ServiceProvider.GetRequiredService<RecloseDays>();
        var changes = await reclose.RunAsync(Monday, Wednesday);

        var leave = Assert.Single(changes, c => c.EmployeeId == pegawai);
        Assert.Equal((leaveDay, "C"), (leave.Date, leave.After));
        Assert.NotEqual("C", leave.Before);
        Assert.Contains(changes, c => c.EmployeeId == outsider && c.Date == Wednesday && c.Before == "—");
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(AttendanceCode.C, await db.AttendanceDays.Where(d => d.EmployeeId == pegawai && d.Date == leaveDay).Select(d => d.Code).SingleAsync());
            Assert.True(await db.AttendanceDays.AnyAsync(d => d.EmployeeId == outsider && d.Date == Wednesday && d.IsClosed));
            Assert.Equal(changes.Count, await db.AuditEntries.CountAsync(a => a.Action == "attendance.day.reclosed" && a.UserName == "admin"));
        }

        Assert.Empty(await reclose.RunAsync(Monday, Wednesday));
    }

    [Fact]
    public async Task OnlyAnAdminMayRecloseAndOnlyDaysThatHaveEnded()
    {
        await using (var scope = await factory.ScopeForAsync("pimpinan"))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<RecloseDays>().RunAsync(Monday, Monday));
        }
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<RecloseDays>().RunAsync(Monday, FakeClock.StartDay));
            Assert.Contains("sudah berakhir", error.Message);
        }
    }
}
