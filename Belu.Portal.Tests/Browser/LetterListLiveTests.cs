using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class LetterListLiveTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ANewDispositionAppearsMarkedInTheOpenListAndOpeningItAnswersItsNotification()
    {
        var subject = "Permohonan Narasumber Literasi Digital untuk Sekolah Perbatasan";
        var letterId = await fixture.Portal.RegisterAsync(await fixture.Portal.FormAsync(subject));
        var aptika = await fixture.Portal.EmployeeOfAsync("kabid.aptika");

        var page = await fixture.NewPageAsync();
        await new LetterPages(page).SignInAsync("kabid.aptika");
        await page.GotoAsync("/surat/disposisi-saya");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=my-dispositions]").WaitForAsync();
        var badge = page.Locator("[data-testid=bell-badge]");
        var before = int.Parse(await badge.GetAttributeAsync("data-count") ?? "0");
        await page.EvaluateAsync("window.__noReload = true");

        await fixture.Portal.DisposeAsync("pimpinan", letterId, null, [aptika]);

        var row = page.Locator("[data-testid=my-dispositions] tbody tr.row-new", new() { HasText = subject });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 3000 });
        await Assertions.Expect(row.Locator("[data-testid=row-new]")).ToHaveTextAsync("Baru masuk");
        Assert.True(await page.EvaluateAsync<bool>("window.__noReload === true"), "the list was reloaded by the browser, not live");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", (before + 1).ToString());
        await page.ScreenshotAsync("disposisi-saya-baru");

        // Opened from the list, not from the bell: the notification about it is answered all the same.
        await page.NavigatesAsync(() => row.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync(),
            url => new Uri(url).AbsolutePath == $"/surat/{letterId}");
        await page.Locator("[data-testid=letter-subject]").WaitForAsync();
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", before.ToString());
    }
}
