using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Field;
using Belu.Portal.Features.Attendance.Field.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Belu.Portal.Tests.Integration.Attendance.Field.FieldTestData;

namespace Belu.Portal.Tests.Integration.Attendance.Field;

/// <summary>
/// The superior's review of field punches: flagged ones wait, a rejection is audited and the day computed again; while
/// the superior is away his Plh reviews in his name.
/// </summary>
public class FieldReviewTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private async Task<T> AsAsync<T>(string user, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await factory.ScopeForAsync(user);
        return await action(scope.ServiceProvider);
    }

    private Task AsAsync(string user, Func<IServiceProvider, Task> action) => AsAsync(user, async sp =>
    {
        await action(sp);
        return 0;
    });

    private async Task<AttendanceCode> TodayOfAsync(string user) =>
        await AsAsync(user, async sp => (await sp.GetRequiredService<CheckInService>().GetTodayAsync()).Status.Code);

    [Fact]
    public async Task AFlaggedPunchCountsOnlyOnceItsSuperiorAcceptsIt()
    {
        var employee = await factory.FieldEmployeeAsync("admin");
        var superior = await AsAsync("admin", async sp =>
        {
            await using var db = factory.CreateDbContext();
            return await db.Employees.Where(e => e.Id == employee).Select(e => e.SuperiorId).SingleAsync();
        });
        Assert.Equal(await factory.EmployeeIdOfAsync("kabid.aptika"), superior);

        var result = await AsAsync("admin", sp => sp.GetRequiredService<RecordFieldPunch>().RecordAsync(new FieldFix(Office.Latitude, Office.Longitude, 0)));
        Assert.True(result.Recorded);
        Assert.Equal(FieldFlag.ZeroAccuracy, result.Flags);
        Assert.Equal(FieldReview.Menunggu, result.Review);
        Assert.Contains("baru dihitung setelah diterima atasan", result.Message);
        // Stored, withheld: the day has no check-in yet.
        Assert.Equal(AttendanceCode.Belum, await TodayOfAsync("admin"));

        var list = await AsAsync("kabid.aptika", sp => sp.GetRequiredService<FieldQueries>().ToReviewAsync());
        var row = Assert.Single(list, r => r.EmployeeId == employee);
        Assert.Equal(FieldReview.Menunggu, row.Review);
        Assert.Contains("mlat=-9.106700", row.MapLink);

        // Not his subordinate: refused, nothing changes.
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("kabid.ikp", sp => sp.GetRequiredService<ReviewFieldPunch>().AcceptAsync(row.PunchId)));
        Assert.DoesNotContain(await AsAsync("kabid.ikp", sp => sp.GetRequiredService<FieldQueries>().ToReviewAsync()), r => r.EmployeeId == employee);
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("pegawai", sp => sp.GetRequiredService<FieldQueries>().ToReviewAsync()));
        Assert.Equal(AttendanceCode.Belum, await TodayOfAsync("admin"));

        await AsAsync("kabid.aptika", sp => sp.GetRequiredService<ReviewFieldPunch>().AcceptAsync(row.PunchId));
        Assert.Equal(AttendanceCode.TL1, await TodayOfAsync("admin"));

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("kabid.aptika", sp => sp.GetRequiredService<ReviewFieldPunch>().RejectAsync(row.PunchId, " ")));
        Assert.Contains("Alasan penolakan wajib diisi", noReason.Message);
        await AsAsync("kabid.aptika", sp => sp.GetRequiredService<ReviewFieldPunch>().RejectAsync(row.PunchId, "Lokasi tidak wajar"));
        Assert.Equal(AttendanceCode.Belum, await TodayOfAsync("admin"));

        await using var check = factory.CreateDbContext();
        Assert.True((await check.Punches.SingleAsync(p => p.Id == row.PunchId)).Withheld);
        var actions = await check.AuditEntries.Where(a => a.Subject == $"{employee}/{FakeClock.StartDay:yyyy-MM-dd}").Select(a => a.Action).ToListAsync();
        Assert.Equal(["attendance.field.accepted", "attendance.field.rejected"], actions.Order());
    }

    [Fact]
    public async Task WhileTheSuperiorIsAwayHisPlhReviewsTheFlaggedPunchesInHisName()
    {
        // The field employee answers to the Kabid Aptika, who is away: the Kabid Sandi holds his post as Plh today.
        var employee = await factory.FieldEmployeeAsync("pegawai");
        await factory.EnsureAppointedAsync("kabid.aptika", "kabid.sandi");
        var plh = await factory.EmployeeIdOfAsync("kabid.sandi");
        var at = North(Office, 40);
        var result = await AsAsync("pegawai", sp => sp.GetRequiredService<RecordFieldPunch>().RecordAsync(new FieldFix(at.Latitude, at.Longitude, 0, new MemoryStream(Jpeg()))));
        Assert.Equal(FieldReview.Menunggu, result.Review);

        // The Plh sees it among the absent superior's subordinates, with its photo.
        var row = Assert.Single(await AsAsync("kabid.sandi", sp => sp.GetRequiredService<FieldQueries>().ToReviewAsync()),
            r => r.EmployeeId == employee && r.Review == FieldReview.Menunggu);
        Assert.Equal(FieldReview.Menunggu, row.Review);
        await using (var photo = await AsAsync("kabid.sandi", sp => sp.GetRequiredService<OpenFieldPhoto>().OpenAsync(row.PunchId)))
        {
            Assert.True(photo.CanRead);
        }
        // Holding another post gives no one else a say.
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("kabid.ikp", sp => sp.GetRequiredService<ReviewFieldPunch>().AcceptAsync(row.PunchId)));

        await AsAsync("kabid.sandi", sp => sp.GetRequiredService<ReviewFieldPunch>().AcceptAsync(row.PunchId));
        Assert.Equal(AttendanceCode.TL1, await TodayOfAsync("pegawai"));

        await using (var check = factory.CreateDbContext())
        {
            var field = await check.Set<FieldPunch>().SingleAsync(f => f.PunchId == row.PunchId);
            Assert.Equal((FieldReview.Diterima, plh), (field.Review, field.ReviewedByEmployeeId));
            Assert.StartsWith("Plh. Kepala Bidang Aplikasi Informatika", field.ReviewedAs);
            var audit = await check.AuditEntries.Where(a => a.Action == "attendance.field.accepted" && a.Subject == $"{employee}/{FakeClock.StartDay:yyyy-MM-dd}")
                .OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal("kabid.sandi", audit.UserName);
            Assert.Contains("sebagai Plh. Kepala Bidang Aplikasi Informatika", audit.Detail);
        }
        // The Kabid, back at his desk, reads who reviewed it and in what capacity.
        var seen = Assert.Single(await AsAsync("kabid.aptika", sp => sp.GetRequiredService<FieldQueries>().ToReviewAsync()), r => r.PunchId == row.PunchId);
        Assert.StartsWith("oleh ", seen.ReviewedByLabel);
        Assert.Contains("(Plh. Kepala Bidang Aplikasi Informatika", seen.ReviewedByLabel);
    }

    [Fact]
    public async Task ExactlyRepeatedCoordinatesWaitForReview()
    {
        var employee = await factory.FieldEmployeeAsync("pegawai");
        var at = North(Office, 20);
        await using (var db = factory.CreateDbContext())
        {
            // Yesterday's check-out from the very same coordinates.
            var yesterday = FakeClock.Start.UtcDateTime.AddHours(-15);
            var punch = new Punch { EmployeeId = employee, AtUtc = yesterday, Source = PunchSource.Web, RecordedUtc = yesterday };
            db.Punches.Add(punch);
            db.Add(new FieldPunch
            {
                PunchId = punch.Id, EmployeeId = employee, AtUtc = yesterday, Latitude = at.Latitude, Longitude = at.Longitude,
                AccuracyMetres = 9, AreaName = "Kantor Bupati Belu",
            });
            await db.SaveChangesAsync();
        }
        var result = await AsAsync("pegawai", sp => sp.GetRequiredService<RecordFieldPunch>().RecordAsync(new FieldFix(at.Latitude, at.Longitude, 9)));
        Assert.Equal(FieldFlag.RepeatedCoordinates, result.Flags);
        Assert.Equal(FieldReview.Menunggu, result.Review);
    }

    [Fact]
    public async Task RejectingAFieldPunchOfAClosedDayComputesThatDayAgain()
    {
        var employee = await factory.FieldEmployeeAsync("kabid.sandi");
        var day = FakeClock.StartDay.AddDays(-1);
        var checkIn = new DateTime(2026, 11, 25, 23, 20, 0, DateTimeKind.Utc); // 07:20 WITA on the 26th
        var checkOut = checkIn.AddHours(9); // 16:20
        await using (var db = factory.CreateDbContext())
        {
            await db.Punches.Where(p => p.EmployeeId == employee && p.AtUtc >= checkIn.AddHours(-2) && p.AtUtc < checkIn.AddHours(20)).ExecuteDeleteAsync();
            foreach (var at in new[] { checkIn, checkOut })
            {
                var punch = new Punch { EmployeeId = employee, AtUtc = at, Source = PunchSource.Web, RecordedUtc = at };
                db.Punches.Add(punch);
                db.Add(new FieldPunch
                {
                    PunchId = punch.Id, EmployeeId = employee, AtUtc = at, Latitude = Office.Latitude + (at == checkIn ? 0.0001 : 0.0002),
                    Longitude = Office.Longitude, AccuracyMetres = 10, AreaName = "Kantor Bupati Belu",
                });
            }
            await db.SaveChangesAsync();
        }
        Guid first;
        await using (var db = factory.CreateDbContext())
        {
            first = await db.Set<FieldPunch>().Where(f => f.EmployeeId == employee && f.AtUtc == checkIn).Select(f => f.PunchId).SingleAsync();
        }
        await AsAsync("pimpinan", sp => sp.GetRequiredService<ReviewFieldPunch>().RejectAsync(first, "Tidak berada di lokasi"));

        await using var check = factory.CreateDbContext();
        var stored = await check.AttendanceDays.SingleAsync(d => d.EmployeeId == employee && d.Date == day);
        Assert.True(stored.IsClosed);
        // Without its check-in the day has only the check-out: TL4 (a check-out without a check-in).
        Assert.Null(stored.CheckIn);
        Assert.Equal(new TimeOnly(16, 20), stored.CheckOut);
        Assert.Equal(AttendanceCode.TL4, stored.LateCode);
    }
}
