using Belu.Portal.Features.Organization;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class ReportsJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ALeaderDownloadsTheEmployeeListAsTheFiltersShowIt()
    {
        int expected;
        await using (var scope = await fixture.Portal.ScopeForAsync("pimpinan"))
        {
            expected = (await scope.ServiceProvider.GetRequiredService<OrganizationService>()
                .SearchEmployeesAsync(new EmployeeQuery("Pranata", Take: 200))).Total;
        }
        Assert.InRange(expected, 1, 25);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("pimpinan", PortalFactory.Password);
        await page.WaitForCircuitAsync();
        await page.ClickAsync("a[href='/organisasi/pegawai']");
        await page.Field("employee-search").FillAsync("Pranata");
        var rows = page.Locator("[data-testid=employee-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(expected);
        var shown = await page.Locator("[data-testid=employee-table] tbody tr td:first-child").AllInnerTextsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=employee-export]"));

        Assert.Matches(@"^daftar-pegawai-diskominfo-\d{4}-\d{2}-\d{2}\.xlsx$", download.SuggestedFilename);
        await using var file = File.OpenRead(await download.PathAsync());
        using var book = new XLWorkbook(file);
        var ws = Assert.Single(book.Worksheets);
        var names = Enumerable.Range(0, expected).Select(i => ws.Cell(SheetPlan.FirstDataRow + i, 3).GetString()).ToList();
        Assert.Equal(shown.Select(s => s.Trim()), names);
        Assert.Equal("Jumlah pegawai", ws.Cell(SheetPlan.FirstDataRow + expected, 1).GetString());
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("telah diunduh");
        await page.ScreenshotAsync("pegawai-unduh-excel");
    }

    [Fact]
    public async Task TheExportButtonFitsOnAPhone()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("admin", PortalFactory.Password);
        await page.WaitForCircuitAsync();
        await page.GotoAsync("/organisasi/pegawai");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=employee-export]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=employee-table] td[data-label=Nama]").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the employee page scrolls sideways on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "pegawai-unduh-excel-phone.png") });
    }
}
