using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>A portal of its own whose clock moves on to the next Monday, 04.00 WITA, and one Chromium.</summary>
public sealed class BoardDayStartFixture : PortalBrowserFixture<FakeClockKestrelPortalFactory>;

/// <summary>The wall board at 04.00 and after the check-in window opens, on a desk screen and on a phone.</summary>
[Trait("Category", "Browser")]
public class BoardDayStartTests(BoardDayStartFixture fixture) : IClassFixture<BoardDayStartFixture>
{
    private static readonly DateOnly Monday = FakeClock.StartDay.AddDays(3);

    [Fact]
    public async Task At0400TheBoardShowsTheDayNotStartedInGreyAndFromTheWindowsOpeningBelumHadirInAmber()
    {
        fixture.Portal.SetLocal(Monday, 4, 0);
        var desk = await OpenBoardAsync(1366, 768);
        var phone = await OpenBoardAsync(390, 844);
        foreach (var (page, shot) in new[] { (desk, "board-belum-dimulai"), (phone, "board-belum-dimulai-phone") })
        {
            var missing = Kominfo(page).Locator("[data-testid=missing]");
            await Assertions.Expect(missing).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bidle\b"));
            await Assertions.Expect(missing).ToContainTextAsync("belum dimulai");
            Assert.Equal(0, await page.Locator("[data-panel=attendance] td.bad").CountAsync());
            Assert.DoesNotContain("TK", await page.Locator("[data-panel=attendance]").InnerTextAsync());
            await page.ScreenshotAsync(shot, fullPage: false);
        }

        fixture.Portal.SetLocal(Monday, 6, 30);
        foreach (var (page, shot) in new[] { (desk, "board-belum-hadir"), (phone, "board-belum-hadir-phone") })
        {
            await page.ReloadAsync();
            await page.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();
            var missing = Kominfo(page).Locator("[data-testid=missing]");
            await Assertions.Expect(missing).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bwarn\b"));
            await Assertions.Expect(missing).Not.ToContainTextAsync("belum dimulai");
            Assert.Equal(0, await page.Locator("[data-panel=attendance] td.bad").CountAsync());
            await page.ScreenshotAsync(shot, fullPage: false);
        }
    }

    [Fact]
    public async Task TheHeaderClockShowsThePortalsTimeNotTheScreens()
    {
        // The portal's clock stands still at Monday 04:00 WITA; the screen's own clock says another day altogether.
        fixture.Portal.SetLocal(Monday, 4, 0);
        var page = await OpenBoardAsync(1366, 768);
        var clock = page.Locator("[data-board-clock]");
        // Once the clock has ticked in the browser at least once, what it shows is the browser's doing, not the server's.
        var drawn = await clock.InnerTextAsync();
        await Assertions.Expect(clock).Not.ToHaveTextAsync(drawn);
        await Assertions.Expect(clock).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^04:0\d:\d\d$"));
        await Assertions.Expect(page.Locator("[data-board-date]")).ToHaveTextAsync("Senin, 30 November 2026");
    }

    private static ILocator Kominfo(IPage page) => page.Locator("[data-panel=attendance] tr", new() { HasText = "Dinas Komunikasi dan Informatika" });

    private async Task<IPage> OpenBoardAsync(int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/akun/masuk?ReturnUrl=/monitor");
        await new LoginPage(page).SignInAsync("display", PortalFactory.Password);
        await page.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();
        await Kominfo(page).WaitForAsync();
        return page;
    }
}
