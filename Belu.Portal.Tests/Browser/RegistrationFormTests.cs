using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class RegistrationFormTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheRegistrationFormListsEveryErrorEachLinkedToItsField()
    {
        var page = await fixture.NewPageAsync();
        var pages = new LetterPages(page);
        await pages.SignInAsync("agendaris");
        await page.GotoAsync("/surat/masuk/baru");
        await page.WaitForCircuitAsync();
        await page.Field("letter-number").FillAsync("000.1.2.3/88/DKI/2026");
        await page.ClickAsync("[data-testid=letter-save]");

        var links = page.Locator("[data-testid=register-error] [data-testid=error-link]");
        await Assertions.Expect(links).ToHaveTextAsync([
            "Asal surat wajib diisi.", "Tanggal surat wajib diisi.", "Kode klasifikasi wajib diisi.", "Perihal wajib diisi.",
            "Lampirkan minimal satu pindaian surat (PDF, JPEG atau PNG).",
        ], new() { UseInnerText = true });
        await page.ScreenshotAsync("registrasi-surat-galat");

        await links.Filter(new() { HasText = "Perihal" }).ClickAsync();
        await Assertions.Expect(page.Field("letter-subject-input")).ToBeFocusedAsync();
        await links.Filter(new() { HasText = "Asal surat" }).ClickAsync();
        await Assertions.Expect(page.Field("letter-sender")).ToBeFocusedAsync();

        var phone = await fixture.NewPageAsync(390, 844);
        await new LetterPages(phone).SignInAsync("agendaris");
        await phone.GotoAsync("/surat/masuk/baru");
        await phone.WaitForCircuitAsync();
        await phone.ClickAsync("[data-testid=letter-save]");
        await phone.Locator("[data-testid=register-error] [data-testid=error-link]").First.WaitForAsync();
        await phone.ScreenshotAsync("registrasi-surat-galat-phone");
    }
}
