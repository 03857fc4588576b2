using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Accounts;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>An address that keeps failing is told how long to wait; an admin sees the account held and unlocks it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class SignInThrottleJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 768, "")]
    [InlineData(390, 844, "-phone")]
    public async Task TheWaitIsSaidOnTheSignInPageAndAnAdminUnlocksIt(int width, int height, string suffix)
    {
        var userName = "ditahan" + (suffix.Length == 0 ? ".meja" : ".ponsel");
        await fixture.Portal.CreateStaffAccountAsync(userName, [Belu.Portal.Features.Accounts.Roles.Pegawai]);

        var stranger = await fixture.NewPageAsync(width, height);
        var login = new LoginPage(stranger);
        await login.OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await login.SignInAsync(userName, "Salah#12345");
            await login.Error.WaitForAsync();
        }
        await Assertions.Expect(login.Error).ToContainTextAsync("Tunggu 1 menit lalu coba lagi");
        await stranger.ScreenshotAsync("login-tunggu" + suffix);

        var admin = await fixture.NewPageAsync(width, height);
        await admin.GotoAsync("/akun/masuk");
        await new LoginPage(admin).SignInAsync("admin", PortalFactory.Password);
        await admin.WaitForCircuitAsync();
        await admin.GotoAsync("/admin/akun");
        await admin.WaitForCircuitAsync();
        await admin.GetByLabel("Cari nama pengguna, nama atau NIP").FillAsync(userName);
        var rows = admin.Locator("[data-testid=account-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var row = rows.First;
        await Assertions.Expect(row).ToContainTextAsync("Masuk ditahan");
        await admin.ScreenshotAsync("akun-ditahan" + suffix);

        await row.Locator(".mud-menu button").First.ClickAsync();
        await admin.GetByText("Buka kunci").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Aktif");
        await Assertions.Expect(row).Not.ToContainTextAsync("Masuk ditahan");

        // The error page tells a signed-in person who they still are.
        await admin.GotoAsync("/status/500");
        await Assertions.Expect(admin.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("Masuk sebagai");
        await admin.ScreenshotAsync("galat-masuk-sebagai" + suffix);
    }
}
