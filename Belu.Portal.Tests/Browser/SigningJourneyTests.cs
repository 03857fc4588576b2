using System.Text.RegularExpressions;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.ElectronicLetters;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Belu.Portal.Tests.Browser;

/// <summary>
/// The signer enrols, mistypes once, signs with his passphrase and downloads the signed PDF; anybody then opens its
/// verification page, sees "Sah", and sees a doctored copy rejected.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class SigningJourneyTests(BrowserFixture browser)
{
    private async Task<IPage> SignedInAsync(string user, int width = 1366, int height = 768)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync(user, PortalFactory.Password);
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact]
    public async Task TheSignerSignsDownloadsAndTheVerificationPageRejectsADoctoredCopy()
    {
        var draft = await browser.Portal.AwaitingSignatureAsync("Permohonan Data Aplikasi Bertanda Tangan Elektronik");
        var review = $"/naskah/{draft.Id}";

        var kepala = await SignedInAsync("pimpinan");
        await kepala.GotoAsync(review);
        await kepala.WaitForCircuitAsync();
        await kepala.Field("enrol-passphrase").FillAsync(DraftTestKit.Passphrase);
        await kepala.Field("enrol-again").FillAsync(DraftTestKit.Passphrase);
        await kepala.ClickAsync("[data-testid=enrol-submit]");
        await Expect(kepala.Field("sign-passphrase")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await kepala.Field("sign-passphrase").FillAsync("passphrase-keliru");
        await kepala.ClickAsync("[data-testid=sign-submit]");
        await Expect(kepala.Locator("[data-testid=sign-failures]")).ToContainTextAsync("Passphrase salah 1 kali", new() { Timeout = 30_000 });
        await kepala.ScreenshotAsync("naskah-tanda-tangan");

        await kepala.Field("sign-passphrase").FillAsync(DraftTestKit.Passphrase);
        await kepala.ClickAsync("[data-testid=sign-submit]");
        await Expect(kepala.Locator("[data-testid=signed-number]")).ToHaveTextAsync(LetterNumber(), new() { Timeout = 45_000 });
        await Expect(kepala.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Ditandatangani");
        await kepala.ScreenshotAsync("naskah-ditandatangani");

        var download = await kepala.RunAndWaitForDownloadAsync(() => kepala.ClickAsync("[data-testid=signed-download]"));
        var file = Path.Combine(Path.GetTempPath(), "belu-portal-tests", Guid.NewGuid().ToString("N") + ".pdf");
        await download.SaveAsAsync(file);
        var pdf = await File.ReadAllBytesAsync(file);
        Assert.Contains("Signature is Valid.", await Poppler.SignatureReportAsync(pdf));
        var verifyLink = await kepala.Locator("[data-testid=signed-verify]").GetAttributeAsync("href");
        Assert.NotNull(verifyLink);

        var phone = await SignedInAsync("pimpinan", 390, 844);
        await phone.GotoAsync(review);
        await phone.WaitForCircuitAsync();
        await Expect(phone.Locator("[data-testid=signed-number]")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("naskah-ditandatangani-ponsel", fullPage: false);

        // Anybody, without signing in, as a QR code scan would.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(verifyLink);
        await Expect(visitor.Locator("[data-testid=verify-status]")).ToHaveTextAsync("Sah");
        await Expect(visitor.Locator("[data-testid=verify-number]")).ToHaveTextAsync(LetterNumber());
        await visitor.ScreenshotAsync("verifikasi");

        var doctored = (byte[])pdf.Clone();
        doctored[pdf.Length / 2] ^= 0x01;
        await visitor.Locator("[data-testid=verify-file]").SetInputFilesAsync(new FilePayload { Name = "naskah.pdf", MimeType = "application/pdf", Buffer = doctored });
        await visitor.ClickAsync("[data-testid=verify-submit]");
        await Expect(visitor.Locator("[data-testid=verify-result]")).ToContainTextAsync("tidak sama");
        await visitor.ScreenshotAsync("verifikasi-ditolak");

        var phoneVisitor = await browser.NewPageAsync(390, 844);
        await phoneVisitor.GotoAsync(verifyLink);
        await phoneVisitor.Locator("[data-testid=verify-file]").SetInputFilesAsync(new FilePayload { Name = "naskah.pdf", MimeType = "application/pdf", Buffer = pdf });
        await phoneVisitor.ClickAsync("[data-testid=verify-submit]");
        await Expect(phoneVisitor.Locator("[data-testid=verify-result]")).ToContainTextAsync("sama persis");
        await phoneVisitor.ScreenshotAsync("verifikasi-ponsel");

        await visitor.GotoAsync("/verifikasi/TIDAKADA00000000");
        await Expect(visitor.Locator("[data-testid=verify-unknown]")).ToHaveTextAsync("Naskah tidak ditemukan");
        await visitor.ScreenshotAsync("verifikasi-tidak-ditemukan");
    }

    [Fact]
    public async Task AnAdminUnlocksASignerLockedAfterFiveWrongPassphrases()
    {
        await browser.Portal.EnrolAsync("sekretaris");
        var draft = await browser.Portal.AwaitingSignatureAsync("Naskah yang terkunci", signerUser: "sekretaris");
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ValidationException>(() => browser.Portal.SignAsync("sekretaris", draft, "passphrase-keliru"));
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => browser.Portal.SignAsync("sekretaris", draft, "passphrase-keliru"));

        var admin = await SignedInAsync("admin");
        await admin.GotoAsync("/admin/kunci-tanda-tangan");
        await admin.WaitForCircuitAsync();
        await Expect(admin.Locator("[data-testid=signer-locks]")).ToContainTextAsync("5 kali salah");
        await admin.ScreenshotAsync("admin-kunci-tanda-tangan");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Buka kunci" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=signer-locks]")).ToHaveCountAsync(0);
        await Expect(admin.GetByText("Tidak ada tanda tangan yang dikunci.")).ToBeVisibleAsync();

        var phone = await SignedInAsync("sekretaris", 390, 844);
        await phone.GotoAsync($"/naskah/{draft.Id}");
        await phone.WaitForCircuitAsync();
        await Expect(phone.Field("sign-passphrase")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("naskah-tanda-tangan-ponsel", fullPage: false);
    }

    [GeneratedRegex(@"^000\.1\.2\.3/\d+/DISKOMINFO/\d{4}$")]
    private static partial Regex LetterNumber();
}
