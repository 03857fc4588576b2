using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class BoardJourneyTests(BrowserFixture fixture)
{
    private async Task<string> TokenAsync(string name, params string[] opdCodes)
    {
        await using var db = fixture.Portal.CreateDbContext();
        var ids = await db.Units.Where(u => opdCodes.Contains(u.Code)).Select(u => u.Id).ToListAsync();
        await using var admin = await fixture.Portal.ScopeForAsync("admin");
        return await admin.ServiceProvider.GetRequiredService<DisplayTokenService>().CreateAsync(name, ids);
    }

    [Fact]
    public async Task AScreenOpenedWithItsTokenShowsItsScopeAndALiveTickerWithinASecond()
    {
        var secret = await TokenAsync("Layar Uji Ticker", "DISKOMINFO");
        var page = await fixture.NewPageAsync(1920, 1080);
        await page.GotoAsync($"/monitor/masuk/{secret}");
        await page.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();
        Assert.Equal("Dinas Komunikasi dan Informatika", await page.Locator("[data-testid=board-scope]").InnerTextAsync());

        await using (var db = fixture.Portal.CreateDbContext())
        {
            var unit = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO-03");
            await fixture.Portal.Services.GetRequiredService<IPortalNotifier>()
                .PublishAsync(new TestEvent("Pegawai Bidang Aplikasi terlambat 14 menit") { UnitId = unit.Id });
        }
        await Assertions.Expect(page.Locator("[data-testid=board-ticker]")).ToContainTextAsync("terlambat 14 menit", new() { Timeout = 2500 });
        await page.ScreenshotAsync("board");
        Assert.Equal(0, await page.Locator("form, input[type=password]").CountAsync());
    }

    [Fact]
    public async Task AForgedTokenGivesADarkScreenNotALoginForm()
    {
        var page = await fixture.NewPageAsync(1920, 1080);
        await page.GotoAsync("/monitor/masuk/palsu");
        await page.Locator("[data-board=blank]").WaitForAsync();
        Assert.Contains("/monitor", page.Url);
        Assert.Equal(0, await page.Locator("form, input[type=password]").CountAsync());
        Assert.Contains("Token layar tidak berlaku", await page.InnerTextAsync("body"));
    }

    [Fact]
    public async Task AFloodOfEventsIsCoalescedAndTheBoardStaysResponsive()
    {
        var secret = await TokenAsync("Layar Uji Banjir", "BPKAD");
        var page = await fixture.NewPageAsync(1920, 1080);
        await page.GotoAsync($"/monitor/masuk/{secret}");
        await page.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();

        await using var db = fixture.Portal.CreateDbContext();
        var unit = await db.Units.SingleAsync(u => u.Code == "BPKAD-02");
        var notifier = fixture.Portal.Services.GetRequiredService<IPortalNotifier>();
        // A morning rush: a thousand events as fast as the server can publish them.
        await Task.WhenAll(Enumerable.Range(1, 1000).Select(i =>
            notifier.PublishAsync(new TestEvent($"Kejadian banjir {i:0000}") { UnitId = unit.Id })));
        await notifier.PublishAsync(new TestEvent("Kejadian terakhir") { UnitId = unit.Id });

        await Assertions.Expect(page.Locator("[data-testid=board-ticker]")).ToContainTextAsync("Kejadian terakhir", new() { Timeout = 10_000 });
        Assert.True(await page.Locator(".ticker-item").CountAsync() <= 10, "the ticker keeps only the latest lines");
        // Still responsive: the page answers a script at once and the clock keeps ticking.
        Assert.Equal(2, await page.EvaluateAsync<int>("1 + 1"));
    }
}
