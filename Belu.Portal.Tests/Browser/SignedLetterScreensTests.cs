using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.ElectronicLetters;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Belu.Portal.Tests.Browser;

/// <summary>
/// The outgoing register with a signed letter in it, and the signed letter's own page with its delivery panel, at an
/// office desk's 1366×768 and on a phone: what the sender looks at after signing.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignedLetterScreensTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1366, 768, "")]
    [InlineData(390, 844, "-ponsel")]
    public async Task TheOutgoingRegisterShowsTheSignedLetterAndItsPageShowsWhoReceivedIt(int width, int height, string suffix)
    {
        var subject = $"Permintaan Data Sarana Prasarana Puskesmas{suffix}";
        var (signed, _, outgoingId) = await browser.Portal.SignedToDinkesAsync(subject);

        var page = await browser.SignedInAsync("pegawai", width, height);
        await page.GotoAsync("/surat/keluar");
        await page.WaitForCircuitAsync();
        var row = page.Locator("[data-testid=outgoing-table] tbody tr", new() { HasText = signed.Number });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(row.Locator("[data-testid=signed-at]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid=delivery]")).ToBeVisibleAsync();
        // Two addressees, one per line: not run together into one name.
        Assert.Equal("Dinas Kesehatan\nKepala Balai Monitor SFR Kupang, Kupang",
            await row.Locator("td[data-label=Tujuan]").EvaluateAsync<string>("td => td.innerText.trim()"));
        await page.ScreenshotAsync("surat-keluar-ditandatangani" + suffix, fullPage: false);

        await page.GotoAsync($"/surat/keluar/{outgoingId}");
        await page.WaitForCircuitAsync();
        await Expect(page.Locator("[data-testid=outgoing-number]")).ToHaveTextAsync(signed.Number);
        var dinkes = page.Locator("[data-testid=delivery-line]", new() { HasText = "Dinas Kesehatan" });
        await Expect(dinkes.Locator("[data-testid=delivered]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=delivery-tte] a")).ToHaveAttributeAsync("href", $"/verifikasi/{signed.VerificationCode}");
        await page.ScreenshotAsync("surat-keluar-naskah" + suffix);
        await page.Locator("[data-testid=delivery]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("surat-keluar-naskah-pengiriman" + suffix, fullPage: false);
    }
}
