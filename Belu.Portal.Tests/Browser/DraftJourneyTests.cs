using System.Text.RegularExpressions;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Belu.Portal.Tests.Browser;

/// <summary>A Surat Dinas drafted in the browser, returned once by the first verifier, initialled by both, and waiting for the signer.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class DraftJourneyTests(BrowserFixture browser)
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
    public async Task ASuratDinasGoesThroughTwoVerifiersOnceReturnedAndReachesTheSigner()
    {
        var pegawai = await SignedInAsync("pegawai");
        await OpenAsync(pegawai, "/naskah/baru");
        await pegawai.ScreenshotAsync("naskah-baru");
        var start = pegawai.Locator("[data-testid=start-SuratDinas]");
        await Expect(start).ToBeEnabledAsync();
        await pegawai.NavigatesAsync(() => start.ClickAsync(), EditorUrl().IsMatch);
        await pegawai.WaitForCircuitAsync();
        var editor = pegawai.Url;
        var review = editor[..^"/ubah".Length];

        await pegawai.Field("draft-subject").FillAsync("Permohonan Data Aplikasi Perangkat Daerah");
        await pegawai.Field("draft-classification").FillAsync("000.1.2.3");
        await pegawai.Locator("textarea[data-testid=draft-body], [data-testid=draft-body] textarea").First
            .FillAsync("Dengan hormat,\n\nKami mohon data berikut:\n1. Nama aplikasi\n2. Pengelola\n\nAplikasi | Pengelola\nSIMPEG | BKPSDM\n\nDemikian, atas kerja samanya kami ucapkan terima kasih.");
        await pegawai.Field("draft-to-external-name").FillAsync("Kepala Balai Monitor SFR Kupang");
        await pegawai.Field("draft-to-external-address").FillAsync("Kupang");
        await pegawai.ClickAsync("[data-testid=draft-to-external-add]");
        await Expect(pegawai.Locator("[data-testid=draft-preview]")).ToContainTextAsync("Kepala Balai Monitor SFR Kupang, Kupang");
        await Expect(pegawai.Locator("[data-testid=autosave]")).ToHaveTextAsync(SavedAt(), new() { Timeout = 30_000 });
        await Expect(pegawai.Locator("h1")).ToContainTextAsync(NotFirstVersion());
        await pegawai.ScreenshotAsync("naskah-editor");
        // Saving, sending and notifying take one round trip each; on a loaded machine that is more than the default wait.
        await pegawai.NavigatesAsync(() => pegawai.ClickAsync("[data-testid=draft-send]"), url => url == review);
        await Expect(pegawai.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Verifikasi");

        var kabid = await SignedInAsync("kabid.aptika");
        await OpenAsync(kabid, "/naskah");
        await Expect(kabid.Locator("[data-testid=drafts-initial]")).ToContainTextAsync("Permohonan Data Aplikasi Perangkat Daerah");
        await kabid.ScreenshotAsync("naskah-daftar");
        await OpenAsync(kabid, review);
        await kabid.Locator("textarea[data-testid=review-note], [data-testid=review-note] textarea").First.FillAsync("Sebutkan dasar permintaan data.");
        await kabid.Locator("textarea[data-testid=review-note], [data-testid=review-note] textarea").First.BlurAsync();
        await kabid.ClickAsync("[data-testid=review-return]");
        await Expect(kabid.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Dikembalikan");

        await OpenAsync(pegawai, review);
        await Expect(pegawai.Locator("[data-testid=draft-steps]")).ToContainTextAsync("Sebutkan dasar permintaan data.");
        await pegawai.ClickAsync("[data-testid=draft-send]");
        await Expect(pegawai.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Verifikasi");

        await OpenAsync(kabid, review);
        await kabid.ClickAsync("[data-testid=review-initial]");
        await Expect(kabid.Locator("[data-testid=review-actions]")).ToHaveCountAsync(0);

        var sekretaris = await SignedInAsync("sekretaris");
        await OpenAsync(sekretaris, review);
        await sekretaris.ScreenshotAsync("naskah-periksa");
        await sekretaris.ClickAsync("[data-testid=review-initial]");
        await Expect(sekretaris.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Menunggu tanda tangan");

        var kepala = await SignedInAsync("pimpinan");
        await OpenAsync(kepala, "/naskah");
        await Expect(kepala.Locator("[data-testid=drafts-sign]")).ToContainTextAsync("Permohonan Data Aplikasi Perangkat Daerah");
        await OpenAsync(kepala, review);
        await Expect(kepala.Locator("[data-testid=draft-history]")).ToContainTextAsync("Dikembalikan dengan catatan");

        var phone = await SignedInAsync("pegawai", 390, 844);
        await OpenAsync(phone, review);
        await phone.ScreenshotAsync("naskah-periksa-ponsel", fullPage: false);
        await OpenAsync(phone, "/naskah");
        await phone.ScreenshotAsync("naskah-daftar-ponsel", fullPage: false);
    }

    [GeneratedRegex(@"/naskah/[0-9a-f-]{36}/ubah$")]
    private static partial Regex EditorUrl();

    [GeneratedRegex(@"^Tersimpan \d\d:\d\d$")]
    private static partial Regex SavedAt();

    [GeneratedRegex(@"versi ([2-9]|\d\d)")]
    private static partial Regex NotFirstVersion();
}
