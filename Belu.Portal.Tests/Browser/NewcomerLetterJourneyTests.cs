using System.Text.RegularExpressions;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.ElectronicLetters;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Belu.Portal.Tests.Browser;

/// <summary>
/// The whole life of a naskah dinas, every step in the browser: the pegawai drafts a Surat Dinas to Dinas Kesehatan
/// from its template, the Kabid Aptika returns it once with a note, the pegawai fixes and resends it, the Kabid and the
/// Sekretaris initial it, the Kepala Dinas signs it with his passphrase and it gets its number, it arrives in Dinas
/// Kesehatan's incoming box, and the Kepala Dinas Kesehatan disposes it there.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class NewcomerLetterJourneyTests(BrowserFixture browser)
{
    private const string Subject = "Undangan Penyusunan Peta Jalan SPBE Bidang Kesehatan";

    private static ILocator Note(IPage page) => page.Locator("textarea[data-testid=review-note], [data-testid=review-note] textarea").First;

    [Fact]
    public async Task ANewcomerDraftsReviewsSignsAndDeliversASuratDinasThatIsDisposedInTheAddresseeBox()
    {
        var (_, staff) = await browser.Portal.DinkesPeopleAsync();

        // The conceptor picks the kind, writes the body and picks an internal unit as addressee.
        var pegawai = await browser.SignedInAsync("pegawai");
        await pegawai.OpenAsync("/naskah/baru");
        await pegawai.NavigatesAsync(() => pegawai.ClickAsync("[data-testid=start-SuratDinas]"), EditorUrl().IsMatch);
        await pegawai.WaitForCircuitAsync();
        var review = pegawai.Url[..^"/ubah".Length];
        await pegawai.Field("draft-subject").FillAsync(Subject);
        await pegawai.Field("draft-classification").FillAsync("000.1.2.3");
        await pegawai.Locator("textarea[data-testid=draft-body], [data-testid=draft-body] textarea").First
            .FillAsync("Dengan hormat,\n\nDalam rangka penyusunan peta jalan SPBE, kami mohon kehadiran perwakilan Dinas Kesehatan.\n\nDemikian, atas perhatiannya kami ucapkan terima kasih.");
        await pegawai.Field("draft-to-search").ClickAsync();
        await pegawai.Field("draft-to-search").PressSequentiallyAsync("Dinas Kesehatan");
        await pegawai.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Dinas Kesehatan" }).First.ClickAsync();
        await Expect(pegawai.Locator("[data-testid=draft-to-chips]")).ToContainTextAsync("Dinas Kesehatan");
        await Expect(pegawai.Locator("[data-testid=draft-preview]")).ToContainTextAsync("Dinas Kesehatan", new() { Timeout = 30_000 });
        await Expect(pegawai.Locator("[data-testid=autosave]")).ToHaveTextAsync(SavedAt(), new() { Timeout = 30_000 });
        await pegawai.NavigatesAsync(() => pegawai.ClickAsync("[data-testid=draft-send]"), url => url == review);
        await Expect(pegawai.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Verifikasi");

        // The first verifier returns it once, with a note.
        var kabid = await browser.SignedInAsync("kabid.aptika");
        await kabid.OpenAsync(review);
        await Note(kabid).FillAsync("Cantumkan hari, tanggal dan tempat rapat.");
        await Note(kabid).BlurAsync();
        await kabid.ClickAsync("[data-testid=review-return]");
        await Expect(kabid.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Dikembalikan");

        // The conceptor reads the note, fixes the body and resends.
        await pegawai.OpenAsync(review);
        await Expect(pegawai.Locator("[data-testid=draft-steps]")).ToContainTextAsync("Cantumkan hari, tanggal dan tempat rapat.");
        await pegawai.OpenAsync(review + "/ubah");
        await pegawai.Locator("textarea[data-testid=draft-body], [data-testid=draft-body] textarea").First
            .FillAsync("Dengan hormat,\n\nDalam rangka penyusunan peta jalan SPBE, kami mohon kehadiran perwakilan Dinas Kesehatan pada hari Senin, 7 Desember 2026, pukul 09.00 WITA, di Aula Diskominfo.\n\nDemikian, atas perhatiannya kami ucapkan terima kasih.");
        await Expect(pegawai.Locator("[data-testid=draft-preview]")).ToContainTextAsync("Aula Diskominfo", new() { Timeout = 30_000 });
        await Expect(pegawai.Locator("[data-testid=autosave]")).ToHaveTextAsync(SavedAt(), new() { Timeout = 30_000 });
        await pegawai.NavigatesAsync(() => pegawai.ClickAsync("[data-testid=draft-send]"), url => url == review);
        await Expect(pegawai.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Verifikasi");

        // Both verifiers initial it in turn.
        await kabid.OpenAsync(review);
        await kabid.ClickAsync("[data-testid=review-initial]");
        await Expect(kabid.Locator("[data-testid=review-actions]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var sekretaris = await browser.SignedInAsync("sekretaris");
        await sekretaris.OpenAsync(review);
        await sekretaris.ClickAsync("[data-testid=review-initial]");
        await Expect(sekretaris.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Menunggu tanda tangan", new() { Timeout = 30_000 });

        // The signer (enrolling first, if no other journey has enrolled him yet) signs with his passphrase: the number comes now.
        var kepala = await browser.SignedInAsync("pimpinan");
        await kepala.OpenAsync(review);
        await Expect(kepala.Locator("[data-testid=draft-history]")).ToContainTextAsync("Dikembalikan dengan catatan");
        var enrol = kepala.Field("enrol-passphrase");
        var sign = kepala.Field("sign-passphrase");
        await enrol.Or(sign).First.WaitForAsync(new() { Timeout = 30_000 });
        if (await enrol.IsVisibleAsync())
        {
            await enrol.FillAsync(DraftTestKit.Passphrase);
            await kepala.Field("enrol-again").FillAsync(DraftTestKit.Passphrase);
            await kepala.ClickAsync("[data-testid=enrol-submit]");
            await Expect(sign).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        await sign.FillAsync(DraftTestKit.Passphrase);
        await kepala.ClickAsync("[data-testid=sign-submit]");
        await Expect(kepala.Locator("[data-testid=signed-number]")).ToHaveTextAsync(LetterNumber(), new() { Timeout = 45_000 });
        var number = await kepala.Locator("[data-testid=signed-number]").InnerTextAsync();

        // It arrives in the addressee unit's incoming box, where its leader disposes it.
        var head = await browser.SignedInAsync(DeliveryTestKit.DinkesHead);
        await head.GotoAsync("/surat/masuk?kotak=belum-disposisi");
        var row = head.Locator("[data-testid=letter-table] tbody tr", new() { HasText = Subject });
        await row.WaitForAsync(new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync(number);
        var href = await row.Locator("a", new() { HasText = Subject }).GetAttributeAsync("href");
        var pages = new LetterPages(head);
        await pages.OpenLetterAsync(href!);
        await pages.StartDisposingAsync(staff, "Hadiri/Wakili", TestClock.Today.AddDays(3), "Hadiri dan laporkan hasilnya.");
        await head.ClickAsync("[data-testid=disposition-submit]");
        await head.Locator("[data-testid=disposition] [data-status=Baru]").WaitForAsync(new() { Timeout = 30_000 });
        await head.ScreenshotAsync("naskah-perjalanan-didisposisi");
    }

    [GeneratedRegex(@"/naskah/[0-9a-f-]{36}/ubah$")]
    private static partial Regex EditorUrl();

    [GeneratedRegex(@"^Tersimpan \d\d:\d\d$")]
    private static partial Regex SavedAt();

    [GeneratedRegex(@"^000\.1\.2\.3/\d+/DISKOMINFO/\d{4}$")]
    private static partial Regex LetterNumber();
}
