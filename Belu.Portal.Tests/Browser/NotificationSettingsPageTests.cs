using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class NotificationSettingsPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 768, "notifikasi-pengaturan")]
    [InlineData(390, 844, "notifikasi-pengaturan-phone")]
    public async Task APersonTicksATopicSavesAndIsNeverAskedForDesktopPermissionOnLoad(int width, int height, string screenshot)
    {
        var page = await fixture.NewPageAsync(width, height);
        await new LetterPages(page).SignInAsync("pimpinan");
        await page.GotoAsync("/pengaturan/notifikasi");
        await page.WaitForCircuitAsync();

        // Headless Chromium answers "default" until asked: the page shows the button and asks nothing by itself.
        await Assertions.Expect(page.Locator("[data-testid=desktop-permission]")).ToHaveAttributeAsync("data-state", "default");
        await Assertions.Expect(page.Locator("[data-testid=desktop-permission-ask]")).ToBeVisibleAsync();
        await page.Locator("input[data-testid='topic-Email-Disposisi'], [data-testid='topic-Email-Disposisi'] input").First.CheckAsync();
        await page.Locator("[data-testid=settings-save]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Pengaturan notifikasi tersimpan." })).ToBeVisibleAsync();
        await page.ScreenshotAsync(screenshot);
    }

    [Fact]
    public async Task EveryChannelHeadingFitsOnAPhone()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await new LetterPages(page).SignInAsync("pimpinan");
        await page.GotoAsync("/pengaturan/notifikasi");
        await page.WaitForCircuitAsync();

        // The topic table stays inside its card: no heading is cut off at the right edge.
        var card = await page.Locator(".settings-grid").BoundingBoxAsync();
        Assert.NotNull(card);
        foreach (var heading in new[] { "E-mail", "WhatsApp", "Telegram" })
        {
            var box = await page.Locator("[data-testid=settings-topics] th", new() { HasText = heading }).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X + box.Width <= card.X + card.Width, $"{heading} ends at {box.X + box.Width}, the card at {card.X + card.Width}");
        }
        var overflow = await page.Locator("[data-testid=settings-topics] .mud-table-container").EvaluateAsync<bool>("el => el.scrollWidth > el.clientWidth");
        Assert.False(overflow, "the topic table scrolls sideways");
    }

    [Theory]
    [InlineData(1366, 768, "log-pengiriman")]
    [InlineData(390, 844, "log-pengiriman-phone")]
    public async Task TheAdministratorSeesTheDeliveryLog(int width, int height, string screenshot)
    {
        var page = await fixture.NewPageAsync(width, height);
        await new LetterPages(page).SignInAsync("admin");
        await page.GotoAsync("/admin/log-pengiriman");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=delivery-table]")).ToContainTextAsync("Belum ada pesan");
        await page.ScreenshotAsync(screenshot);
    }
}
