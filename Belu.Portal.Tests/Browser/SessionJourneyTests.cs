using Belu.Portal.Features.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>Revocation reaches an open board in a real browser, and a display link asks a signed-in person first.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class SessionJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnOpenBoardGoesBlankWithinFiveSecondsOfItsTokenBeingRevoked()
    {
        string secret;
        Guid id;
        await using (var admin = await fixture.Portal.ScopeForAsync("admin"))
        {
            var tokens = admin.ServiceProvider.GetRequiredService<DisplayTokenService>();
            secret = await tokens.CreateAsync("Layar Uji Cabut Peramban", []);
            id = (await tokens.ListAsync()).Single(t => t.Name == "Layar Uji Cabut Peramban").Id;
        }
        var page = await fixture.NewPageAsync(1920, 1080);
        await page.GotoAsync($"/monitor/masuk/{secret}");
        await page.Locator("[data-board=live][data-circuit=ready]").WaitForAsync();

        await using (var admin = await fixture.Portal.ScopeForAsync("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<DisplayTokenService>().RevokeAsync(id);
        }
        await page.Locator("[data-board=blank]").WaitForAsync(new() { Timeout = 5000 });
        Assert.Contains("Token layar tidak berlaku", await page.InnerTextAsync("body"));
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task ASignedInPersonOpeningADisplayLinkIsAskedAndKeepsTheirSession(int width, int height)
    {
        string secret;
        await using (var admin = await fixture.Portal.ScopeForAsync("admin"))
        {
            secret = await admin.ServiceProvider.GetRequiredService<DisplayTokenService>().CreateAsync($"Layar Uji Tanya {width}", []);
        }
        var page = await fixture.NewPageAsync(width, height);
        await new LoginPage(page).OpenAsync();
        await page.NavigatesAsync(() => new LoginPage(page).SignInAsync("pegawai", Infrastructure.PortalFactory.Password),
            url => !url.Contains("/akun/masuk"));
        await page.GotoAsync($"/monitor/masuk/{secret}");
        await Assertions.Expect(page.Locator("[data-testid=display-confirm]")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"monitor-masuk-tanya-{width}");

        await page.GetByText("Batal, kembali ke portal").ClickAsync();
        await page.WaitForCircuitAsync();
        Assert.DoesNotContain("/akun/masuk", page.Url);
    }
}
