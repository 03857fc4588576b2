using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Belu.Portal.Tests.Browser;

/// <summary>The clerk records a letter's SRIKANDI number and PDF on its page; the addressee finds both there, on a phone too.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SrikandiJourneyTests(BrowserFixture browser)
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
    public async Task TheClerkRecordsTheSrikandiNumberAndPdfAndTheAddresseeSeesThem()
    {
        var id = await browser.Portal.RegisterAsync(await browser.Portal.FormAsync("Surat yang juga tercatat di SRIKANDI"));

        var clerk = await SignedInAsync("agendaris");
        await clerk.GotoAsync($"/surat/{id}");
        await clerk.WaitForCircuitAsync();
        await Expect(clerk.Locator("[data-testid=srikandi-none]")).ToBeVisibleAsync();
        await clerk.ClickAsync("[data-testid=srikandi-save]");
        await Expect(clerk.Locator("[data-testid=srikandi]")).ToContainTextAsync("Nomor SRIKANDI wajib diisi.");

        await clerk.Field("srikandi-input").FillAsync("B/100.3.4/15/SETDA/2026");
        await clerk.Locator("input[data-testid=srikandi-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "srikandi.pdf", MimeType = "application/pdf", Buffer = LetterTestKit.Pdf("srikandi"),
        });
        await clerk.GetByText("srikandi.pdf (").WaitForAsync();
        await clerk.ClickAsync("[data-testid=srikandi-save]");
        await Expect(clerk.Locator("[data-testid=srikandi-number]")).ToHaveTextAsync("B/100.3.4/15/SETDA/2026");
        await Expect(clerk.Locator("[data-testid=srikandi-pdf]")).ToContainTextAsync("srikandi.pdf");
        await Expect(clerk.GetByText("srikandi.pdf (")).ToHaveCountAsync(0);
        await clerk.ScreenshotAsync("surat-srikandi");

        var leader = await SignedInAsync("pimpinan", 390, 844);
        await leader.GotoAsync($"/surat/{id}");
        await leader.WaitForCircuitAsync();
        await Expect(leader.Locator("[data-testid=srikandi-number]")).ToHaveTextAsync("B/100.3.4/15/SETDA/2026");
        await Expect(leader.Locator("[data-testid=srikandi-save]")).ToHaveCountAsync(0);
        await Expect(leader.Locator("[data-testid=letter-subject]")).ToContainTextAsync("SRIKANDI");
        await leader.ScreenshotAsync("surat-srikandi-ponsel");
        var pdf = await leader.APIRequest.GetAsync($"/surat/srikandi/masuk/{id}");
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync())[..4]);
    }
}
