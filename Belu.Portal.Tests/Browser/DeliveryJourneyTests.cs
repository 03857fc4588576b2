using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.ElectronicLetters;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Belu.Portal.Tests.Browser;

/// <summary>
/// A Surat Dinas of Diskominfo to Dinas Kesehatan is initialled and signed in the browser; the Kepala Dinas Kesehatan
/// finds it in his incoming box, opens it and disposes it to a staff member; the conceptor sees it "Diterima" and "Dibaca".
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DeliveryJourneyTests(BrowserFixture browser)
{
    private async Task<IPage> SignedInAsync(string user, int width = 1366, int height = 768)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync(user, PortalFactory.Password);
        await page.WaitForCircuitAsync();
        return page;
    }

    private static async Task OpenAsync(IPage page, string href)
    {
        await page.GotoAsync(href);
        await page.WaitForCircuitAsync();
    }

    [Fact]
    public async Task ASignedSuratDinasArrivesInTheAddresseeBoxIsDisposedThereAndTheSenderSeesItReceivedAndRead()
    {
        const string subject = "Permintaan Data Cakupan Imunisasi untuk Satu Data Belu";
        var (_, staff) = await browser.Portal.DinkesPeopleAsync();
        var draft = await browser.Portal.SentToDinkesAsync(subject, verifiers: "kabid.aptika");
        await browser.Portal.EnrolAsync("pimpinan");
        var review = $"/naskah/{draft.Id}";

        var kabid = await SignedInAsync("kabid.aptika");
        await OpenAsync(kabid, review);
        await kabid.ClickAsync("[data-testid=review-initial]");
        await Expect(kabid.Locator("[data-testid=review-actions]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        var kepala = await SignedInAsync("pimpinan");
        await OpenAsync(kepala, review);
        await kepala.Field("sign-passphrase").FillAsync(DraftTestKit.Passphrase);
        await kepala.ClickAsync("[data-testid=sign-submit]");
        await Expect(kepala.Locator("[data-testid=signed-number]")).ToBeVisibleAsync(new() { Timeout = 45_000 });
        var outgoing = await kepala.Locator("[data-testid=signed-delivery]").GetAttributeAsync("href");
        Assert.Matches("^/surat/keluar/[0-9a-f-]{36}$", outgoing);
        await OpenAsync(kepala, outgoing!);
        var dinkesLine = kepala.Locator("[data-testid=delivery-line]", new() { HasText = "Dinas Kesehatan" });
        await Expect(dinkesLine.Locator("[data-testid=delivered]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(dinkesLine.Locator("[data-testid=unread]")).ToBeVisibleAsync();

        var head = await SignedInAsync(DeliveryTestKit.DinkesHead);
        await head.GotoAsync("/surat/masuk?kotak=belum-disposisi");
        var row = head.Locator("[data-testid=letter-table] tbody tr", new() { HasText = subject });
        await row.WaitForAsync(new() { Timeout = 30_000 });
        await head.ScreenshotAsync("naskah-masuk-kotak");
        var href = await row.Locator("a", new() { HasText = subject }).GetAttributeAsync("href");
        var pages = new LetterPages(head);
        await pages.OpenLetterAsync(href!);
        Assert.Equal(1, await head.Locator("[data-testid=attachment]").CountAsync());
        await head.ScreenshotAsync("naskah-diterima");
        await pages.StartDisposingAsync(staff, "Tindak Lanjuti", TestClock.Today.AddDays(7), "Siapkan data cakupan imunisasi per puskesmas.");
        await head.ClickAsync("[data-testid=disposition-submit]");
        await head.Locator("[data-testid=disposition] [data-status=Baru]").WaitForAsync(new() { Timeout = 30_000 });

        var phone = await SignedInAsync(DeliveryTestKit.DinkesHead, 390, 844);
        await OpenAsync(phone, href!);
        await phone.Locator("[data-testid=letter-subject]").WaitForAsync();
        await phone.ScreenshotAsync("naskah-diterima-ponsel", fullPage: false);

        var pegawai = await SignedInAsync("pegawai");
        await OpenAsync(pegawai, outgoing!);
        var seen = pegawai.Locator("[data-testid=delivery-line]", new() { HasText = "Dinas Kesehatan" });
        await Expect(seen.Locator("[data-testid=delivered]")).ToHaveTextAsync("Diterima", new() { Timeout = 30_000 });
        await Expect(seen.Locator("[data-testid=read]")).ToHaveTextAsync("Dibaca");
        await Expect(pegawai.Locator("[data-testid=delivery-line]", new() { HasText = "Kepala Balai Monitor" }).Locator("[data-testid=not-sent]")).ToBeVisibleAsync();
        await pegawai.Locator("[data-testid=delivery]").ScrollIntoViewIfNeededAsync();
        await pegawai.ScreenshotAsync("naskah-status-pengiriman");

        var pegawaiPhone = await SignedInAsync("pegawai", 390, 844);
        await OpenAsync(pegawaiPhone, outgoing!);
        await pegawaiPhone.Locator("[data-testid=delivery] [data-testid=read]").WaitForAsync(new() { Timeout = 30_000 });
        await pegawaiPhone.Locator("[data-testid=delivery]").ScrollIntoViewIfNeededAsync();
        await pegawaiPhone.ScreenshotAsync("naskah-status-pengiriman-ponsel", fullPage: false);
    }
}
