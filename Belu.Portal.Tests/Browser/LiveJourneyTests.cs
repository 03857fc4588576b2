using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class LiveJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ANotificationLightsTheBellAndShowsAToastWithoutAReload()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("agendaris", PortalFactory.Password);
        await page.WaitForCircuitAsync();
        var badge = page.Locator("[data-testid=bell-badge]");
        var before = int.Parse(await badge.GetAttributeAsync("data-count") ?? "0");
        await page.EvaluateAsync("window.__noReload = true");

        await using (var db = fixture.Portal.CreateDbContext())
        {
            var employeeId = await db.Users.Where(u => u.UserName == "agendaris").Select(u => u.EmployeeId!.Value).SingleAsync();
            await fixture.Portal.Services.GetRequiredService<IPortalNotifier>()
                .PublishAsync(new TestEvent("Surat baru menunggu diagendakan") { RecipientEmployeeIds = [employeeId] });
        }

        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", (before + 1).ToString(), new() { Timeout = 2000 });
        await Assertions.Expect(page.GetByText("Surat baru menunggu diagendakan")).ToBeVisibleAsync(new() { Timeout = 2000 });
        Assert.True(await page.EvaluateAsync<bool>("window.__noReload === true"), "the page reloaded");
        await page.ScreenshotAsync("bell-toast");

        await page.Locator("button[aria-label=Notifikasi]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=bell-item]").First).ToContainTextAsync("Surat baru menunggu diagendakan");
        await page.ScreenshotAsync("bell-open");
        await page.Locator("[data-testid=bell-mark-all]").ClickAsync();
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", "0");
    }

    [Fact]
    public async Task WhenALeaderDisposesTheRecipientsBellAndToastLightUpWithinASecond()
    {
        var subject = "Permohonan Data Jaringan Intra Pemerintah Kecamatan";
        var letterId = await fixture.Portal.RegisterAsync(await fixture.Portal.FormAsync(subject));
        var aptika = await fixture.Portal.EmployeeOfAsync("kabid.aptika");

        var recipient = await fixture.NewPageAsync();
        await new LetterPages(recipient).SignInAsync("kabid.aptika");
        var badge = recipient.Locator("[data-testid=bell-badge]");
        var before = int.Parse(await badge.GetAttributeAsync("data-count") ?? "0");
        await recipient.EvaluateAsync("window.__noReload = true");

        var leader = await fixture.NewPageAsync();
        var leaderPages = new LetterPages(leader);
        await leaderPages.SignInAsync("pimpinan");
        await leaderPages.OpenLetterAsync($"/surat/{letterId}");
        await leaderPages.StartDisposingAsync(aptika, "Tindak Lanjuti", TestClock.Today.AddDays(5), "Mohon disiapkan.");
        await leader.ClickAsync("[data-testid=disposition-submit]");
        await leader.Locator("[data-testid=disposition] [data-status=Baru]").WaitForAsync();

        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", (before + 1).ToString(), new() { Timeout = 1500 });
        await Assertions.Expect(recipient.GetByText(subject, new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 1500 });
        Assert.True(await recipient.EvaluateAsync<bool>("window.__noReload === true"), "the recipient's page reloaded");
        await recipient.ScreenshotAsync("bell-disposisi");
    }
}
