using System.Collections.Concurrent;
using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

public class WebCheckInTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task AnEmployeeChecksInLateThenOutAndTheLeadersHearOfIt()
    {
        var events = new ConcurrentBag<PortalEvent>();
        using var subscription = factory.Services.GetRequiredService<IPortalNotifier>().Subscribe(e =>
        {
            events.Add(e);
            return Task.CompletedTask;
        });
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        await using var scope = await factory.ScopeForAsync("pegawai");
        var checkIn = scope.ServiceProvider.GetRequiredService<CheckInService>();

        var before = await checkIn.GetTodayAsync();
        Assert.False(before.HasCheckedIn);
        Assert.Equal("Absen Masuk", before.ActionLabel);
        Assert.Equal(new TimeOnly(16, 30), before.Schedule!.End);

        var today = await checkIn.CheckInAsync();
        Assert.Equal(AttendanceCode.TL1, today.Status.Code);
        Assert.Equal(15, today.Status.LateMinutes);
        Assert.Equal(new TimeOnly(7, 45), today.Status.CheckIn);
        Assert.Equal("Absen Pulang", today.ActionLabel);

        var late = Assert.Single(events.OfType<CheckedInLateEvent>(), e => e.EmployeeId == pegawai);
        Assert.Equal(15, late.MinutesLate);
        Assert.NotNull(late.UnitId);
        Assert.Contains("terlambat 15 menit", late.Summary);

        // A second press within the minute is the same punch.
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        await checkIn.CheckInAsync();
        Assert.Single(await TodaysPunchesAsync(pegawai));
        Assert.Single(events.OfType<CheckedInLateEvent>(), e => e.EmployeeId == pegawai);

        factory.SetLocal(FakeClock.StartDay, 16, 35);
        var evening = await checkIn.CheckInAsync();
        Assert.Equal(new TimeOnly(16, 35), evening.Status.CheckOut);
        Assert.Null(evening.Status.Early);
        Assert.Equal(2, (await TodaysPunchesAsync(pegawai)).Count);
        Assert.All(await TodaysPunchesAsync(pegawai), p => Assert.Equal(PunchSource.Web, p.Source));

        var month = await checkIn.GetMonthAsync(2026, 11);
        Assert.Equal(30, month.Days.Count);
        Assert.Equal(AttendanceCode.TL1, month.Days.Single(d => d.Date == FakeClock.StartDay).Result!.Code);
        Assert.Equal(AttendanceCode.Libur, month.Days.Single(d => d.Date == new DateOnly(2026, 11, 28)).Result!.Code);
        Assert.True(month.Totals[AttendanceCode.H] > 5);
    }

    private async Task<List<Punch>> TodaysPunchesAsync(int employeeId) =>
        (await factory.PunchesOfAsync(employeeId)).Where(p => p.AtUtc >= FakeClock.Start.UtcDateTime.AddHours(-8)).ToList();

}

public class KioskCheckInTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task TheKioskCodeChecksInOnceAndExpires()
    {
        var employee = await factory.EmployeeIdOfAsync("admin");
        KioskDisplay display;
        await using (var kiosk = await factory.ScopeForAsync("display"))
        {
            display = await kiosk.ServiceProvider.GetRequiredService<ShowKioskCode>().CurrentAsync("http://portal.test/");
        }
        Assert.StartsWith("http://portal.test/absensi/qr/", display.Url);
        Assert.StartsWith("data:image/png;base64,", display.QrDataUri);

        await using var scope = await factory.ScopeForAsync("admin");
        var scan = scope.ServiceProvider.GetRequiredService<ScanKioskCode>();
        // The demo history checked the admin in at the fingerprint machine this morning: this scan would be an early check-out.
        Assert.True((await scan.ScanAsync(display.Code, confirmEarlyLeave: false)).NeedsConfirmation);
        var today = (await scan.ScanAsync(display.Code, confirmEarlyLeave: true)).Today!;
        Assert.True(today.HasCheckedIn);
        Assert.Equal(PunchSource.Kiosk, Assert.Single(await factory.PunchesOfAsync(employee), p => p.AtUtc >= factory.Time.GetUtcNow().UtcDateTime.AddMinutes(-5)).Source);

        var replay = await Assert.ThrowsAsync<ValidationException>(() => scan.ScanAsync(display.Code, confirmEarlyLeave: true));
        Assert.Contains("sudah Anda gunakan", replay.Message);
        var forged = await Assert.ThrowsAsync<ValidationException>(() => scan.ScanAsync(display.Code[..^1] + (display.Code[^1] == '0' ? '1' : '0'), confirmEarlyLeave: true));
        Assert.Contains("tidak sah", forged.Message);

        factory.Time.Advance(TimeSpan.FromSeconds(61));
        await using var other = await factory.ScopeForAsync("pimpinan");
        var expired = await Assert.ThrowsAsync<ValidationException>(() => other.ServiceProvider.GetRequiredService<ScanKioskCode>().ScanAsync(display.Code, confirmEarlyLeave: false));
        Assert.Contains("kedaluwarsa", expired.Message);
    }

    [Fact]
    public async Task TheKioskIsForDisplaysAndAdminsAndNeedsAnEmployeeToRedeem()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var response = await client.GetAsync("/absensi/kiosk");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);

        var display = factory.CreateBrowserLikeClient();
        await display.SignInAsync("display");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await display.GetAsync("/absensi/kiosk")).StatusCode);

        await using var scope = await factory.ScopeForAsync("display");
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<CheckInService>().CheckInAsync());
    }
}

public class OfficeNetworkTests(OfficeNetworkPortalFactory factory) : IClassFixture<OfficeNetworkPortalFactory>
{
    [Fact]
    public async Task WebCheckInOutsideTheOfficeNetworksIsRefusedWithAClearMessage()
    {
        await using var scope = await factory.ScopeForAsync("pegawai");
        var checkIn = scope.ServiceProvider.GetRequiredService<CheckInService>();
        var today = await checkIn.GetTodayAsync();
        Assert.Equal(CheckInService.OutsideNetworkMessage, today.NetworkRefusal);
        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => checkIn.CheckInAsync());
        Assert.Contains("jaringan kantor", refusal.Message);
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        Assert.DoesNotContain(await factory.PunchesOfAsync(pegawai), p => p.AtUtc >= FakeClock.Start.UtcDateTime.AddHours(-8));

        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        user.Set(user.Principal, "10.20.4.17");
        var inside = await checkIn.CheckInAsync();
        Assert.True(inside.HasCheckedIn);
        Assert.Null(inside.NetworkRefusal);
    }
}
