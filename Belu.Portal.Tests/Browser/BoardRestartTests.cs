using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>The wall screen across a server restart: a real process is killed and started again under it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class BoardRestartTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheBoardComesBackByItselfAfterTheServerRestartsWithNoDialogLeft()
    {
        await using var portal = new TestPortalProcess();
        await portal.StartAsync();

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
            TimezoneId = "Asia/Makassar",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/akun/masuk?ReturnUrl=/monitor");
        await new LoginPage(page).SignInAsync("display", PortalFactory.Password);
        await page.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();
        var before = await page.Locator("[data-testid=board-updated]").InnerTextAsync();

        await portal.KillAsync();
        await Assertions.Expect(page.Locator(".board-stale-banner")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal(before, await page.Locator("[data-testid=board-updated]").InnerTextAsync());
        await page.ScreenshotAsync("board-stale");

        await portal.StartAsync();
        // The board reconnects or reloads by itself; fresh data means a newer "updated" stamp.
        await Assertions.Expect(page.Locator("[data-testid=board-updated]")).Not.ToHaveTextAsync(before, new() { Timeout = 60_000 });
        await page.Locator("[data-board=live][data-circuit=ready]").WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".board-stale-banner")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("dialog[open], form, input[type=password]").CountAsync());
        await context.CloseAsync();
    }
}
