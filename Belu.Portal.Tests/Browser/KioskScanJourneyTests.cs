using Belu.Portal.Features.Attendance;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>
/// The kiosk screen and the phone that scans it, on a portal of their own: these journeys move the clock, which the
/// other E-Absen journeys must not see.
/// </summary>
[Trait("Category", "Browser")]
public sealed class KioskScanJourneyTests(AttendanceBrowserFixture fixture) : IClassFixture<AttendanceBrowserFixture>
{
    private async Task<IPage> SignedInAsync(string user, int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync(user, PortalFactory.Password);
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>The user checks in on the web this morning, after any fingerprint punch the demo history gave them is gone.</summary>
    private async Task CheckedInThisMorningAsync(string user)
    {
        var employee = await fixture.Portal.EmployeeIdOfAsync(user);
        var dayStart = FakeClock.Start.UtcDateTime.AddHours(-8);
        await using (var db = fixture.Portal.CreateDbContext())
        {
            await db.Punches.Where(p => p.EmployeeId == employee && p.AtUtc >= dayStart).ExecuteDeleteAsync();
        }
        await using var morning = await fixture.Portal.ScopeForAsync(user);
        await morning.ServiceProvider.GetRequiredService<CheckInService>().CheckInAsync();
    }

    private async Task<int> TodaysPunchCountAsync(string user)
    {
        var employee = await fixture.Portal.EmployeeIdOfAsync(user);
        var dayStart = FakeClock.Start.UtcDateTime.AddHours(-8);
        return (await fixture.Portal.PunchesOfAsync(employee)).Count(p => p.AtUtc >= dayStart);
    }

    [Theory]
    [InlineData("pegawai", 1366, 768, "absensi-qr-pulang-awal")]
    [InlineData("agendaris", 390, 844, "absensi-qr-pulang-awal-phone")]
    public async Task ASecondScanDuringTheDayAsksBeforeItRecordsAnEarlyCheckOut(string user, int width, int height, string shot)
    {
        await CheckedInThisMorningAsync(user);
        fixture.Portal.Time.Advance(TimeSpan.FromHours(2));
        string code;
        await using (var screen = await fixture.Portal.ScopeForAsync("display"))
        {
            code = (await screen.ServiceProvider.GetRequiredService<ShowKioskCode>().CurrentAsync(fixture.Portal.BaseUrl)).Code;
        }

        var phone = await SignedInAsync(user, width, height);
        await phone.GotoAsync("/absensi/qr/" + code);
        await phone.WaitForCircuitAsync();
        var question = phone.Locator("[data-testid=qr-question]");
        await Assertions.Expect(question).ToContainTextAsync("Anda akan tercatat pulang lebih awal");
        await Assertions.Expect(question).ToContainTextAsync("Lanjutkan?");
        Assert.Equal(1, await TodaysPunchCountAsync(user));
        await phone.ScreenshotAsync(shot);

        await phone.ClickAsync("[data-testid=qr-confirm]");
        await Assertions.Expect(phone.Locator("[data-testid=qr-status]")).ToContainTextAsync("Pulang");
        Assert.Equal(2, await TodaysPunchCountAsync(user));
    }

    [Fact]
    public async Task CancellingTheQuestionRecordsNothing()
    {
        await CheckedInThisMorningAsync("pimpinan");
        fixture.Portal.Time.Advance(TimeSpan.FromMinutes(30));
        string code;
        await using (var screen = await fixture.Portal.ScopeForAsync("display"))
        {
            code = (await screen.ServiceProvider.GetRequiredService<ShowKioskCode>().CurrentAsync(fixture.Portal.BaseUrl)).Code;
        }
        var phone = await SignedInAsync("pimpinan", 390, 844);
        await phone.GotoAsync("/absensi/qr/" + code);
        await phone.WaitForCircuitAsync();
        await phone.ClickAsync("[data-testid=qr-cancel]");
        await Assertions.Expect(phone.Locator("[data-testid=qr-cancelled]")).ToContainTextAsync("Tidak dicatat");
        Assert.Equal(1, await TodaysPunchCountAsync("pimpinan"));
    }

    [Theory]
    [InlineData(1366, 768, "absensi-kiosk-layar")]
    [InlineData(390, 844, "absensi-kiosk-layar-phone")]
    public async Task TheKioskSaysWhoseCodeItShows(int width, int height, string shot)
    {
        var page = await SignedInAsync("display", width, height);
        await page.GotoAsync("/absensi/kiosk");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=kiosk-qr]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=kiosk-scope]")).ToContainTextAsync("Seluruh Kabupaten Belu");
        await page.ScreenshotAsync(shot);
    }
}
