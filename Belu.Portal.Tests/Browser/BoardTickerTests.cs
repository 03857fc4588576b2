using Belu.Portal.Features.Monitoring;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class BoardTickerTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 768, "board-ticker")]
    [InlineData(390, 844, "board-ticker-phone")]
    public async Task ADispositionIsSaidInFullWithItsRecipientAndALongLineScrollsInsteadOfBeingCut(int width, int height, string screenshot)
    {
        string secret;
        await using (var db = fixture.Portal.CreateDbContext())
        {
            var opd = await db.Units.Where(u => u.Code == "DISKOMINFO").Select(u => u.Id).ToListAsync();
            await using var admin = await fixture.Portal.ScopeForAsync("admin");
            secret = await admin.ServiceProvider.GetRequiredService<DisplayTokenService>().CreateAsync($"Layar Uji Kalimat {width}", opd);
        }
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync($"/monitor/masuk/{secret}");
        await page.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();

        var subject = $"Undangan Rapat Koordinasi Percepatan Transformasi Digital Layanan Publik {width}";
        var letterId = await fixture.Portal.RegisterAsync(await fixture.Portal.FormAsync(subject));
        await fixture.Portal.DisposeAsync("pimpinan", letterId, null, [await fixture.Portal.EmployeeOfAsync("kabid.aptika")]);

        var line = page.Locator(".ticker-item", new() { HasText = "mendisposisikan surat" }).First;
        await Assertions.Expect(line).ToContainTextAsync("Kepala Dinas Komunikasi dan Informatika mendisposisikan surat \"Undangan Rapat Koordinasi", new() { Timeout = 3000 });
        await Assertions.Expect(line).ToContainTextAsync("kepada Kepala Bidang Aplikasi Informatika.");
        // Too long for the screen: it scrolls to its end rather than ending in "…".
        await Assertions.Expect(line).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bscrolls\\b"), new() { Timeout = 3000 });
        Assert.NotEqual("ellipsis", await line.EvaluateAsync<string>("el => getComputedStyle(el).textOverflow"));
        await page.ScreenshotAsync(screenshot);
    }
}
