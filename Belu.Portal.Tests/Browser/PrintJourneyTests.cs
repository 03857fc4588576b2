using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class PrintJourneyTests(BrowserFixture fixture)
{
    /// <summary>Counts window.print() calls instead of opening the dialog, which a headless browser cannot answer.</summary>
    private const string CountPrints = "window.__prints = 0; window.print = () => { window.__prints++; };";

    [Fact]
    public async Task TheSheetsCetakButtonPrintsAndTutupGoesBackUnderTheStrictPolicy()
    {
        var form = await fixture.Portal.FormAsync("Undangan Sosialisasi Tata Naskah Dinas Elektronik");
        form.Security = SecurityClass.Biasa;
        form.Urgency = Urgency.Biasa;
        var id = await fixture.Portal.RegisterAsync(form);
        await fixture.Portal.DisposeAsync("pimpinan", id, null, [await fixture.Portal.EmployeeOfAsync("kabid.aptika")]);

        var page = await fixture.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync(CountPrints);
        var pages = new LetterPages(page);
        await pages.SignInAsync("pimpinan");
        await pages.OpenLetterAsync($"/surat/{id}");
        await page.GotoAsync($"/surat/{id}/lembar-disposisi");

        await page.ClickAsync("[data-testid=print-now]");
        await page.WaitForFunctionAsync("window.__prints === 1");
        Assert.Empty(blocked);
        await page.NavigatesAsync(() => page.ClickAsync("[data-testid=print-close]"), url => new Uri(url).AbsolutePath == $"/surat/{id}");
    }

    [Fact]
    public async Task TheSheetTicksSifatAndUrgensiInRowsOfTheirOwnBiasaIncluded()
    {
        var plain = await fixture.Portal.FormAsync("Pemberitahuan Jadwal Pemeliharaan Jaringan");
        plain.Security = SecurityClass.Biasa;
        plain.Urgency = Urgency.Biasa;
        var plainId = await fixture.Portal.RegisterAsync(plain);
        var limited = await fixture.Portal.FormAsync("Permintaan Data Aset Jaringan Kecamatan");
        limited.Security = SecurityClass.Terbatas;
        limited.Urgency = Urgency.SangatSegera;
        var limitedId = await fixture.Portal.RegisterAsync(limited);

        var page = await fixture.NewPageAsync();
        await new LetterPages(page).SignInAsync("pimpinan");

        await page.GotoAsync($"/surat/{plainId}/lembar-disposisi");
        await Assertions.Expect(Ticked(page, "sheet-security")).ToHaveTextAsync(["☑ Biasa"]);
        await Assertions.Expect(Ticked(page, "sheet-urgency")).ToHaveTextAsync(["☑ Biasa"]);
        await Assertions.Expect(page.Locator("[data-testid=sheet-security] .option")).ToHaveTextAsync(["☑ Biasa", "☐ Terbatas", "☐ Rahasia", "☐ Sangat Rahasia"]);
        await Assertions.Expect(page.Locator("[data-testid=sheet-urgency] .option")).ToHaveTextAsync(["☑ Biasa", "☐ Segera", "☐ Sangat Segera"]);

        await page.GotoAsync($"/surat/{limitedId}/lembar-disposisi");
        await Assertions.Expect(Ticked(page, "sheet-security")).ToHaveTextAsync(["☑ Terbatas"]);
        await Assertions.Expect(Ticked(page, "sheet-urgency")).ToHaveTextAsync(["☑ Sangat Segera"]);
        await page.ScreenshotAsync("lembar-disposisi");

        var phone = await fixture.NewPageAsync(390, 844);
        await new LetterPages(phone).SignInAsync("agendaris");
        await phone.GotoAsync($"/surat/{limitedId}/lembar-disposisi");
        await phone.Locator("[data-testid=disposition-sheet]").WaitForAsync();
        await phone.ScreenshotAsync("lembar-disposisi-phone");
        await phone.GotoAsync($"/surat/{limitedId}/tanda-terima");
        await phone.Locator("[data-testid=receipt]").WaitForAsync();
        await phone.ScreenshotAsync("tanda-terima-phone");
        await page.GotoAsync($"/surat/{limitedId}/tanda-terima");
        await page.Locator("[data-testid=receipt]").WaitForAsync();
        await page.ScreenshotAsync("tanda-terima");
    }

    private static ILocator Ticked(IPage page, string row) => page.Locator($"[data-testid={row}] .option[data-ticked=true]");
}
