using Belu.Portal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class SecurityJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task NoPageBreaksTheContentSecurityPolicy()
    {
        var page = await fixture.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                violations.Add(message.Text);
            }
        };
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("admin", PortalFactory.Password);
        await page.WaitForCircuitAsync();
        foreach (var path in new[] { "/organisasi/unit", "/organisasi/pegawai", "/admin/akun", "/admin/layar", "/admin/audit", "/notifikasi" })
        {
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
            await page.Locator("h1").First.WaitForAsync();
            if (path == "/admin/audit")
            {
                await page.Locator("[data-testid=audit-table] tbody tr").First.WaitForAsync();
                await page.ScreenshotAsync("audit");
            }
        }
        Assert.Empty(violations);
    }
}
