using System.Globalization;
using Belu.Portal.Features.Letters;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>Page objects of E-Surat: what the clerk, the leader and the recipient do, in their words.</summary>
[Trait("Category", "Browser")]
public sealed class LetterPages(IPage page)
{
    public async Task SignInAsync(string user)
    {
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync(user, PortalFactory.Password);
        await page.WaitForCircuitAsync();
    }

    public async Task<string> RegisterAsync(string subject, string scanPath)
    {
        await page.GotoAsync("/surat/masuk/baru");
        await page.WaitForCircuitAsync();
        await page.Field("letter-sender").FillAsync("Dinas Komunikasi dan Informatika Provinsi NTT");
        await page.Field("letter-number").FillAsync("000.1.2.3/417/DKI/2026");
        await page.Field("letter-date").FillAsync(TestClock.Today.AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Field("letter-date").BlurAsync();
        await page.Field("letter-classification").FillAsync("000.1.2.3");
        await page.Field("letter-subject-input").FillAsync(subject);
        await page.Locator("textarea[data-testid=letter-summary], [data-testid=letter-summary] textarea").First.FillAsync("Mohon menunjuk petugas dan menyiapkan data pendukung.");
        await page.Locator("input[data-testid=letter-files]").SetInputFilesAsync(scanPath);
        await page.GetByText(Path.GetFileName(scanPath)).WaitForAsync();
        await page.ScreenshotAsync("registrasi-surat");
        await page.ClickAsync("[data-testid=letter-save]");
        await page.Locator("[data-testid=registered]").WaitForAsync();
        return (await page.Locator("[data-testid=open-registered]").GetAttributeAsync("href"))!;
    }

    public async Task OpenLetterAsync(string href)
    {
        await page.GotoAsync(href);
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=letter-subject]").WaitForAsync();
    }

    public async Task StartDisposingAsync(int recipientId, string instruction, DateOnly deadline, string note)
    {
        await page.ClickAsync("[data-testid=dispose]");
        await page.Locator("[data-testid=disposition-form]").WaitForAsync();
        await page.Locator($"input[data-testid=recipient-p{recipientId}]").CheckAsync(new() { Force = true });
        await page.Locator("[data-testid=instructions] label", new() { HasText = instruction }).First.ClickAsync();
        await page.Locator("textarea[data-testid=disposition-note], [data-testid=disposition-note] textarea").First.FillAsync(note);
        await page.Field("disposition-deadline").FillAsync(deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Field("disposition-deadline").BlurAsync();
    }

    public async Task FinishAsync(string report)
    {
        await page.ClickAsync("[data-testid=action-finish]");
        await page.Locator("textarea[data-testid=finish-report], [data-testid=finish-report] textarea").First.FillAsync(report);
        await page.ClickAsync("[data-testid=finish-submit]");
    }

    public ILocator State(string state) => page.Locator($"[data-testid=letter-subject] ~ [data-state={state}], .page-header [data-state={state}]").First;

    public ILocator Track => page.Locator("[data-testid=letter-track]");
}

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class LetterJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheClerkRegistersTheLeaderDisposesTheRecipientFinishesAndTheLetterIsSelesai()
    {
        var scan = Path.Combine(Path.GetTempPath(), "pindaian-surat-undangan.pdf");
        await File.WriteAllBytesAsync(scan, LettersDemoSeed.DemoPdf());
        var subject = "Undangan Bimbingan Teknis Keamanan Informasi Daerah Perbatasan";
        var aptika = await fixture.Portal.EmployeeOfAsync("kabid.aptika");

        var clerk = await fixture.NewPageAsync();
        var clerkPages = new LetterPages(clerk);
        await clerkPages.SignInAsync("agendaris");
        var href = await clerkPages.RegisterAsync(subject, scan);
        Assert.Matches("^/surat/[0-9a-f-]{36}$", href);

        var leader = await fixture.NewPageAsync();
        var leaderPages = new LetterPages(leader);
        await leaderPages.SignInAsync("pimpinan");
        await leader.GotoAsync("/surat/masuk?kotak=belum-disposisi");
        await leader.Locator("[data-testid=letter-table] tbody tr", new() { HasText = subject }).WaitForAsync();
        await leader.ScreenshotAsync("surat-masuk");
        await leaderPages.OpenLetterAsync(href);
        Assert.Equal(1, await leader.Locator("[data-testid=attachment]").CountAsync());
        await leaderPages.StartDisposingAsync(aptika, "Tindak Lanjuti", TestClock.Today.AddDays(7),
            "Siapkan petugas dan laporkan hasilnya.");
        await leader.ScreenshotAsync("disposisi-form");
        await leader.ClickAsync("[data-testid=disposition-submit]");
        await leader.Locator("[data-testid=disposition] [data-status=Baru]").WaitForAsync();

        var recipient = await fixture.NewPageAsync();
        var recipientPages = new LetterPages(recipient);
        await recipientPages.SignInAsync("kabid.aptika");
        await recipientPages.OpenLetterAsync(href);
        await recipient.Locator("[data-testid=disposition] [data-status=Dibaca]").WaitForAsync();
        await recipientPages.FinishAsync("Petugas sudah ditunjuk; bimbingan teknis dihadiri pada hari pertama.");
        await recipientPages.State("Selesai").WaitForAsync();
        await Assertions.Expect(recipientPages.Track).ToContainTextAsync("Disposisi diselesaikan");

        await leaderPages.OpenLetterAsync(href);
        await leaderPages.State("Selesai").WaitForAsync();
        await Assertions.Expect(leaderPages.Track).ToContainTextAsync("Diregistrasi dengan nomor agenda");
        await Assertions.Expect(leaderPages.Track).ToContainTextAsync("Didisposisikan kepada");
        await Assertions.Expect(leaderPages.Track).ToContainTextAsync("WITA");
        await leader.ScreenshotAsync("surat-detail");

        await leader.GotoAsync("/surat/dasbor");
        await leader.Locator("[data-testid=counter-terlambat]").WaitForAsync();
        await Assertions.Expect(leader.Locator("[data-testid=naskah-counters]")).ToContainTextAsync("Naskah perlu ditandatangani");
        await leader.ScreenshotAsync("dasbor-surat");
        var phone = await fixture.NewPageAsync(390, 844);
        await new LetterPages(phone).SignInAsync("pimpinan");
        await phone.GotoAsync("/surat/dasbor");
        await phone.Locator("[data-testid=counter-belum-dikirim]").WaitForAsync();
        await phone.ScreenshotAsync("dasbor-surat-ponsel");
        // The counter leads to exactly the letters it counts: the register filtered on "Belum dikirim".
        await leader.NavigatesAsync(() => leader.Locator("[data-testid=counter-belum-dikirim]").ClickAsync(),
            url => url.Contains("/surat/keluar?pengiriman=belum", StringComparison.Ordinal));
        await leader.Locator("[data-testid=outgoing-table] tbody tr").First.WaitForAsync();
        var rows = leader.Locator("[data-testid=outgoing-table] tbody tr");
        Assert.Equal(await rows.CountAsync(), await rows.Filter(new() { HasText = "Belum dikirim" }).CountAsync());

        await clerk.GotoAsync("/surat/keluar");
        await clerk.Locator("[data-testid=outgoing-table] tbody tr").First.WaitForAsync();
        await clerk.ScreenshotAsync("surat-keluar");

        await leader.GotoAsync(href + "/lembar-disposisi");
        await Assertions.Expect(leader.Locator("[data-testid=disposition-sheet]")).ToContainTextAsync("☑ Tindak Lanjuti");
        await leader.ScreenshotAsync("lembar-disposisi");
    }

    [Fact]
    public async Task TheClerkRegistersAnOutgoingLetterAndTheAdminKeepsTheInstructionList()
    {
        var clerk = await fixture.NewPageAsync();
        await new LetterPages(clerk).SignInAsync("agendaris");
        await clerk.GotoAsync("/surat/keluar/baru");
        await clerk.WaitForCircuitAsync();
        await clerk.Field("outgoing-classification").FillAsync("045.2");
        await clerk.Field("outgoing-subject").FillAsync("Undangan Rapat Evaluasi Layanan Jaringan Perbatasan");
        await clerk.Locator("textarea[data-testid=outgoing-addressees], [data-testid=outgoing-addressees] textarea").First.FillAsync("Camat Tasifeto Timur\nCamat Lamaknen");
        await clerk.ScreenshotAsync("registrasi-surat-keluar");
        await clerk.ClickAsync("[data-testid=outgoing-save]");
        await Assertions.Expect(clerk.Locator("[data-testid=outgoing-number]")).ToContainTextAsync($"/DISKOMINFO/{TestClock.Today.Year}");
        Assert.StartsWith("045.2/", await clerk.Locator("[data-testid=outgoing-number]").InnerTextAsync());

        await clerk.GotoAsync("/surat/masuk");
        await clerk.Locator("[data-testid=letter-table] tbody tr a").First.WaitForAsync();
        var letter = await clerk.Locator("[data-testid=letter-table] tbody tr a").First.GetAttributeAsync("href");
        await clerk.GotoAsync(letter + "/tanda-terima");
        await Assertions.Expect(clerk.Locator("[data-testid=receipt]")).ToContainTextAsync("TANDA TERIMA SURAT");
        await clerk.ScreenshotAsync("tanda-terima");

        var admin = await fixture.NewPageAsync();
        await new LetterPages(admin).SignInAsync("admin");
        await admin.GotoAsync("/admin/instruksi-disposisi");
        await admin.WaitForCircuitAsync();
        await admin.Field("instruction-new").FillAsync("Buatkan Telaahan Staf");
        await admin.ClickAsync("[data-testid=instruction-add]");
        await Assertions.Expect(admin.Locator("[data-testid=instruction-table] tbody tr")).ToHaveCountAsync(DispositionInstruction.Defaults.Length + 1);
        await Assertions.Expect(admin.Locator("[data-testid=instruction-table] tbody tr").Last.Locator("input[inputmode=text]")).ToHaveValueAsync("Buatkan Telaahan Staf");
        await admin.ScreenshotAsync("instruksi-disposisi");
    }

    [Fact]
    public async Task TheInboxWorksOnAPhone()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await new LetterPages(page).SignInAsync("pegawai");
        await page.GotoAsync("/surat/disposisi-saya");
        await page.Locator("[data-testid=my-dispositions] tbody tr").First.WaitForAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "Disposisi untuk saya scrolls sideways on a phone");
        await page.ScreenshotAsync("disposisi-saya-phone");

        await page.Locator("[data-testid=my-dispositions] tbody tr a").First.ClickAsync();
        await page.Locator("[data-testid=letter-track]").WaitForAsync();
        overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "a letter scrolls sideways on a phone");
        await page.ScreenshotAsync("surat-detail-phone");
    }
}
