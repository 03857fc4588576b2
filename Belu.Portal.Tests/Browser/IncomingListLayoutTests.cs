using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class IncomingListLayoutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OnAPhoneTheFiltersFoldAwayAndTheFirstLetterIsOnTheFirstScreen()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await new LetterPages(page).SignInAsync("pimpinan");
        await page.GotoAsync("/surat/masuk");
        await page.WaitForCircuitAsync();
        var firstCard = page.Locator("[data-testid=letter-table] tbody tr", new() { Has = page.Locator("a") }).First;
        await firstCard.WaitForAsync();

        await Assertions.Expect(page.Locator("[data-testid=letter-filters]")).ToBeHiddenAsync();
        var box = await firstCard.BoundingBoxAsync();
        Assert.True(box is { Y: < 844 }, $"the first letter starts at {box?.Y} px, below the screen");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the phone");
        // The table scrolls inside its own container, so the page can fit while a card does not: a subject with its
        // sifat and urgency chips must wrap under its label, not push the card past the screen's edge.
        var table = page.Locator("[data-testid=letter-table] table.mud-table-root");
        var widths = await table.EvaluateAsync<double[]>("t => [t.getBoundingClientRect().width, t.closest('.mud-table-container').clientWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"a letter card is {widths[0]:0} px wide on a {widths[1]:0} px list");
        await page.ScreenshotAsync("surat-masuk-phone", fullPage: false);

        await page.ClickAsync("[data-testid=letter-filters-toggle]");
        await Assertions.Expect(page.Locator("[data-testid=letter-filters]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("surat-masuk-filter-phone", fullPage: false);
    }

    [Fact]
    public async Task OnADesktopTheFiltersStayOpenAndNoSelectCutsItsValue()
    {
        var page = await fixture.NewPageAsync();
        await new LetterPages(page).SignInAsync("agendaris");
        await page.GotoAsync("/surat/masuk");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=letter-filters]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=letter-filters-toggle]")).ToBeHiddenAsync();

        await page.GotoAsync("/surat/masuk/baru");
        await page.WaitForCircuitAsync();
        var addressee = page.Field("letter-addressee");
        await Assertions.Expect(addressee).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
        Assert.True(await addressee.EvaluateAsync<bool>("el => el.scrollWidth <= el.clientWidth"), "the chosen addressee is cut off");
        await Assertions.Expect(page.Locator("#field-AddresseeId .mud-input-helper-text")).ToHaveTextAsync("Kepala Dinas Komunikasi dan Informatika");
        await page.ScreenshotAsync("registrasi-surat");
    }
}
