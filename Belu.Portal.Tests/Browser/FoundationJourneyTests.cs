using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class FoundationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnEmployeeSignsInAndIsGreetedWithTheirUnit()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/akun/masuk", page.Url);

        var login = new LoginPage(page);
        await login.SignInAsync("pegawai", PortalFactory.Password);
        await page.WaitForCircuitAsync();

        Assert.Contains("Selamat", await page.Locator("[data-testid=greeting]").InnerTextAsync());
        Assert.Equal("Bidang Aplikasi Informatika", await page.Locator("[data-testid=home-unit]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("a[href='/admin/akun']").CountAsync());
        Assert.True(File.Exists(await page.ScreenshotAsync("home")));

        await page.Locator("[data-testid=user-menu-button]").ClickAsync();
        // Signing out ends the session's open pages too, so this page may reach the login page by either road.
        await page.NavigatesAsync(() => page.Locator("[data-testid=logout]").ClickAsync(), url => new Uri(url).AbsolutePath == "/akun/masuk");
        await page.GotoAsync("/");
        Assert.Contains("/akun/masuk", page.Url);
    }

    [Fact]
    public async Task AWrongPasswordShowsTheMessageOnTheLoginPage()
    {
        var page = await fixture.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync("agendaris", "bukan-sandinya");
        Assert.Equal("NIP/nama pengguna atau kata sandi salah.", await login.Error.InnerTextAsync());
        await page.ScreenshotAsync("login-error");
    }

    [Fact]
    public async Task AnAdminBrowsesTheOrganisationTreeAndFindsAnEmployee()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("admin", PortalFactory.Password);
        await page.WaitForCircuitAsync();

        await page.ClickAsync("a[href='/organisasi/unit']");
        await page.Locator("[data-testid=unit-tree]").GetByText("Dinas Komunikasi dan Informatika").First.WaitForAsync();
        await page.Locator("[data-testid=unit-tree]").GetByText("Dinas Komunikasi dan Informatika").First.ClickAsync();
        await page.Field("unit-name").WaitForAsync();
        Assert.Equal("Dinas Komunikasi dan Informatika", await page.Field("unit-name").InputValueAsync());
        await page.ScreenshotAsync("organisasi-unit");

        await page.ClickAsync("a[href='/organisasi/pegawai']");
        await page.Field("employee-search").FillAsync("Kepala Dinas Komunikasi");
        await Assertions.Expect(page.Locator("[data-testid=employee-table] tbody tr")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("organisasi-pegawai");
    }

    [Fact]
    public async Task ThePortalWorksOnAPhone()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("pimpinan", PortalFactory.Password);
        await page.WaitForCircuitAsync();
        Assert.Contains("Dinas Komunikasi dan Informatika", await page.Locator("[data-testid=home-unit]").InnerTextAsync());
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the home page scrolls sideways on a phone");
        await page.ScreenshotAsync("home-phone");
    }
}
