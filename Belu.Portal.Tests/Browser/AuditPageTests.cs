using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class AuditPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 768, "audit")]
    [InlineData(390, 844, "audit-phone")]
    public async Task TheLogSaysWhatHappenedInIndonesianAndStillShowsTheCode(int width, int height, string screenshot)
    {
        var page = await fixture.NewPageAsync(width, height);
        await new LetterPages(page).SignInAsync("admin");
        await page.GotoAsync("/admin/audit");
        await page.WaitForCircuitAsync();
        await page.Field("audit-search").FillAsync("login.succeeded");

        var row = page.Locator("[data-testid=audit-table] tbody tr", new() { HasText = "Berhasil masuk" }).First;
        await Assertions.Expect(row.Locator("[data-testid=audit-action]")).ToHaveTextAsync("Berhasil masuk");
        await Assertions.Expect(row.Locator("[data-testid=audit-code]")).ToHaveTextAsync("login.succeeded");
        await page.ScreenshotAsync(screenshot);
    }
}
