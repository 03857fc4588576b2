using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Belu.Portal.Tests.Integration.Attendance;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>One portal on a fake clock (Friday 27 November 2026, 07:45 WITA) and one Chromium, for E-Absen's journeys.</summary>
[Trait("Category", "Browser")]
public sealed class AttendanceBrowserFixture : PortalBrowserFixture<FakeClockKestrelPortalFactory>;

[CollectionDefinition(Name)]
[Trait("Category", "Browser")]
public sealed class AttendanceBrowserCollection : ICollectionFixture<AttendanceBrowserFixture>
{
    public const string Name = "attendance-browser";
}

/// <summary>What a user does on the check-in page.</summary>
[Trait("Category", "Browser")]
public sealed class CheckInPage(IPage page)
{
    public ILocator Button => page.Locator("[data-testid=checkin-button]");

    public ILocator StatusText => page.Locator("[data-testid=today-status-text]");

    public async Task OpenAsync()
    {
        await page.GotoAsync("/absensi");
        await page.WaitForCircuitAsync();
        await Button.WaitForAsync();
    }
}

[Collection(AttendanceBrowserCollection.Name)]
[Trait("Category", "Browser")]
public class AttendanceJourneyTests(AttendanceBrowserFixture fixture)
{
    /// <summary>A multi-line MudBlazor text field renders a textarea, which carries the test id.</summary>
    private static ILocator TextArea(IPage page, string testId) =>
        page.Locator($"textarea[data-testid={testId}], [data-testid={testId}] textarea").First;

    private async Task<IPage> SignedInAsync(string user, int width = 1366, int height = 768)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync(user, PortalFactory.Password);
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact]
    public async Task AnEmployeeChecksInLateAndTheLeaderSeesThemAsTLOnTheUnitsTodayPage()
    {
        var page = await SignedInAsync("pegawai");
        var checkIn = new CheckInPage(page);
        await checkIn.OpenAsync();
        await Assertions.Expect(checkIn.Button).ToHaveTextAsync("Absen Masuk");
        await checkIn.Button.ClickAsync();
        await Assertions.Expect(checkIn.StatusText).ToContainTextAsync("terlambat 15 menit");
        await Assertions.Expect(checkIn.Button).ToHaveTextAsync("Absen Pulang");
        await page.Locator("[data-testid=month-calendar] [data-date='2026-11-27'] [data-code=TL1]").WaitForAsync();
        await page.ScreenshotAsync("absensi");

        var employee = await fixture.Portal.EmployeeIdOfAsync("pegawai");
        var leader = await SignedInAsync("pimpinan");
        await leader.ClickAsync("a[href='/absensi/hari-ini']");
        var code = leader.Locator($"[data-testid=today-code][data-employee='{employee}'] [data-code]");
        await Assertions.Expect(code).ToHaveAttributeAsync("data-code", "TL1");
        Assert.Contains("Terlambat 15 menit", await leader.Locator("[data-testid=today-table] tbody tr").First.InnerTextAsync());
        Assert.True(int.Parse(await leader.Locator("[data-testid=count-Terlambat]").InnerTextAsync()) >= 1);
        await leader.ScreenshotAsync("absensi-hari-ini");
    }

    [Fact]
    public async Task TheLeaderReadsTheMonthlyRecap()
    {
        var page = await SignedInAsync("pimpinan");
        await page.GotoAsync("/absensi/rekap");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=recap-grid] tbody tr").First.WaitForAsync();
        Assert.True(await page.Locator("[data-testid=recap-grid] tbody tr").CountAsync() > 15);
        Assert.Contains("Dinas Komunikasi dan Informatika", await page.Locator("[data-testid=recap-title]").InnerTextAsync());
        await page.ScreenshotAsync("absensi-rekap");
    }

    [Theory]
    [InlineData(1366, 768, "absensi-rekap-1366")]
    [InlineData(390, 844, "absensi-rekap-phone")]
    public async Task TheRecapKeepsItsTotalsAndNamesInView(int width, int height, string shot)
    {
        var page = await SignedInAsync("pimpinan", width, height);
        await page.GotoAsync("/absensi/rekap");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=recap-grid] tbody tr").First.WaitForAsync();
        var scroller = page.Locator("[data-testid=recap-grid]");
        var box = (await scroller.BoundingBoxAsync())!;
        // On a desk screen the TPP column and the name column stay in the visible part of the grid, however it scrolls;
        // on a phone the totals scroll with the days.
        foreach (var scroll in new[] { 0, 400 }.Where(_ => width >= 960))
        {
            await scroller.EvaluateAsync($"e => e.scrollLeft = {scroll}");
            var tpp = (await page.Locator("[data-testid=recap-grid] thead th.recap-tpp").BoundingBoxAsync())!;
            var name = (await page.Locator("[data-testid=recap-grid] thead th.recap-name").BoundingBoxAsync())!;
            Assert.True(tpp.X + tpp.Width <= box.X + box.Width + 1, $"TPP ends at {tpp.X + tpp.Width}, the grid at {box.X + box.Width}");
            Assert.True(name.X >= box.X - 1);
        }
        await scroller.EvaluateAsync("e => e.scrollLeft = 0");
        await page.ScreenshotAsync(shot);
    }

    [Theory]
    [InlineData(1366, 768, "absensi-tutup-ulang")]
    [InlineData(390, 844, "absensi-tutup-ulang-phone")]
    public async Task AnAdminReclosesYesterdayAndSeesTheOutcome(int width, int height, string shot)
    {
        var page = await SignedInAsync("admin", width, height);
        await page.GotoAsync("/admin/absensi/koreksi");
        await page.WaitForCircuitAsync();
        var yesterday = FakeClock.StartDay.AddDays(-1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var field in new[] { "reclose-from", "reclose-to" })
        {
            var input = page.Locator($"[data-testid={field}] input");
            await input.FillAsync(yesterday);
            // Blur rather than Tab: Tab would move the focus past the still-disabled button onto the employee
            // search below, whose suggestion list then covers the button on a phone.
            await input.BlurAsync();
        }
        await Assertions.Expect(page.Locator("[data-testid=reclose-run]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=reclose-run]");
        await Assertions.Expect(page.Locator("[data-testid=reclose-result]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(shot);
    }

    [Fact]
    public async Task TheKioskShowsARotatingQrCode()
    {
        var page = await SignedInAsync("display");
        await page.GotoAsync("/absensi/kiosk");
        await page.WaitForCircuitAsync();
        var qr = page.Locator("[data-testid=kiosk-qr]");
        await qr.WaitForAsync();
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"));
        await Assertions.Expect(page.Locator("[data-testid=kiosk-countdown]")).ToContainTextAsync("detik");
        await page.ScreenshotAsync("absensi-kiosk");
    }

    [Fact]
    public async Task AnEmployeeAsksForPermissionAndTheLeaderApprovesIt()
    {
        var page = await SignedInAsync("agendaris");
        await page.GotoAsync("/absensi/permohonan");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=request-new]");
        await page.Locator("[data-testid=request-dialog]").WaitForAsync();
        await page.Locator("[data-testid=request-kind] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Izin (I)", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=request-kind] input").First).ToHaveValueAsync("I");
        await TextArea(page, "request-reason").FillAsync("Mengantar anak imunisasi di Puskesmas Atambua.");
        await page.ScreenshotAsync("absensi-permohonan-form");
        await page.ClickAsync("[data-testid=request-submit]");
        var mine = page.Locator("[data-testid=requests-mine] tbody tr").First;
        await Assertions.Expect(mine).ToContainTextAsync("Diajukan");

        // The agendaris's direct superior is the Sekretaris of Diskominfo.
        var leader = await SignedInAsync("sekretaris");
        await leader.GotoAsync("/absensi/permohonan");
        await leader.WaitForCircuitAsync();
        var row = leader.Locator("[data-testid=requests-to-decide] tbody tr", new() { HasText = "Mengantar anak imunisasi" });
        await row.Locator("[data-testid=request-approve]").ClickAsync();
        await TextArea(leader, "decide-note").FillAsync("Silakan.");
        await leader.ClickAsync("[data-testid=decide-confirm]");
        await Assertions.Expect(row).ToContainTextAsync("Disetujui");
        await leader.ScreenshotAsync("absensi-permohonan");
    }

    [Fact]
    public async Task AnAdminCreatesADeviceKeyThatIsShownOnce()
    {
        var page = await SignedInAsync("admin");
        await page.GotoAsync("/admin/absensi/perangkat");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=device-table]").WaitForAsync();
        await page.Locator("[data-testid=device-kind] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Perangkat lain / jembatan (kunci API)", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Field("device-serial")).ToHaveCountAsync(0);
        await page.Field("device-name").FillAsync("Jembatan mesin Dinas Kesehatan");
        await page.ClickAsync("[data-testid=device-create]");
        await Assertions.Expect(page.Locator("[data-testid=device-key]")).ToContainTextAsync("belu_");
        await Assertions.Expect(page.Locator("[data-testid=device-table]")).ToContainTextAsync("Jembatan mesin Dinas Kesehatan");
        await page.ScreenshotAsync("absensi-perangkat");

        await page.GotoAsync("/admin/absensi/jadwal");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=schedule-table]").WaitForAsync();
        await page.ScreenshotAsync("absensi-jadwal");
        await page.GotoAsync("/absensi/disiplin");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=discipline-table]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=discipline-export]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("absensi-disiplin");
    }

    [Fact]
    public async Task TheCheckInPageWorksOnAPhone()
    {
        var page = await SignedInAsync("admin", 390, 844);
        await new CheckInPage(page).OpenAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the check-in page scrolls sideways on a phone");
        await page.ScreenshotAsync("absensi-phone");
    }
}

/// <summary>The wall board on a Friday morning: a late check-in reaches its ticker and its numbers.</summary>
[Collection(AttendanceBrowserCollection.Name)]
[Trait("Category", "Browser")]
public class BoardMorningTests(AttendanceBrowserFixture fixture)
{
    [Fact]
    public async Task ALateCheckInAppearsOnTheBoardWithinASecond()
    {
        var board = await fixture.NewPageAsync(1920, 1080);
        await board.GotoAsync("/akun/masuk?ReturnUrl=/monitor");
        await new LoginPage(board).SignInAsync("display", PortalFactory.Password);
        await board.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();
        var kominfo = board.Locator("[data-panel=attendance] tr", new() { HasText = "Dinas Komunikasi dan Informatika" });
        await kominfo.WaitForAsync();

        // Someone of Dinas Kesehatan checks in at 07:45: fifteen minutes late, one more late arrival than the board shows.
        var dinkes = board.Locator("[data-panel=attendance] tr", new() { HasText = "Dinas Kesehatan" });
        await dinkes.WaitForAsync();
        var lateBefore = int.Parse(await dinkes.Locator("td").Nth(3).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var (employee, _) = await fixture.Portal.StaffWithCleanRecordAsync("DINKES");
        var name = (await fixture.Portal.CreateDbContext().Employees.FindAsync(employee))!.Name;
        await using (var scope = fixture.Portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PunchRecorder>()
                .RecordAsync([new PunchSubmission(employee, FakeClock.Start.UtcDateTime, PunchSource.Web)]);
        }
        await Assertions.Expect(board.Locator("[data-testid=board-ticker]")).ToContainTextAsync($"{name} terlambat 15 menit", new() { Timeout = 2500 });
        await Assertions.Expect(dinkes.Locator("td").Nth(3)).ToHaveTextAsync($"{lateBefore + 1}", new() { Timeout = 10_000 });
        await board.ScreenshotAsync("board");
        Assert.Equal(0, await board.Locator("form, input[type=password], dialog[open]").CountAsync());
    }
}
