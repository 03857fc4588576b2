using System.Globalization;
using Belu.Portal.Common;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Reports.Letters;
using Belu.Portal.Features.Reports.Pipeline;
using Belu.Portal.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class LetterReportsJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ALeaderDownloadsTheIncomingAgendaFromTheListAndSeesTheDashboardCharts()
    {
        int expected;
        DateOnly today;
        await using (var scope = await fixture.Portal.ScopeForAsync("pimpinan"))
        {
            today = scope.ServiceProvider.GetRequiredService<OfficeClock>().Today;
            expected = (await scope.ServiceProvider.GetRequiredService<LetterQueries>()
                .SearchAsync(new LetterQuery(From: new DateOnly(today.Year, 1, 1), To: today, Take: 1))).Total;
        }
        Assert.True(expected > 0);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("pimpinan", PortalFactory.Password);
        await page.WaitForCircuitAsync();
        await page.GotoAsync("/surat/masuk");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=letter-table] tbody tr").First.WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=incoming-export]"));

        // The list's default period runs from 1 January to today, named as a clerk files it: the whole year on 31 December,
        // a month on 31 January, one day on 1 January.
        Assert.Equal($"agenda-surat-masuk-{ReportFileName.PeriodOf(new DateOnly(today.Year, 1, 1), today)}.xlsx", download.SuggestedFilename);
        await using (var file = File.OpenRead(await download.PathAsync()))
        {
            using var book = new XLWorkbook(file);
            var ws = Assert.Single(book.Worksheets);
            Assert.Equal("Agenda Surat Masuk", ws.Cell("A2").GetString());
            Assert.Equal("Jumlah surat", ws.Cell(SheetPlan.FirstDataRow + expected, 1).GetString());
            Assert.Equal(expected, ws.Cell(SheetPlan.FirstDataRow + expected, 7).GetDouble());
        }
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("telah diunduh");

        await page.GotoAsync("/surat/dasbor");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=chart-letter-state] svg").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-overdue-units]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=disposition-export]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("surat-dasbor-grafik");

        // The disposition recap covers this year so far unless the leader picks another period.
        var todayLocal = fixture.Portal.Services.GetRequiredService<OfficeClock>().Today;
        var recapUrl = page.Locator("[data-testid=disposition-export]");
        await Assertions.Expect(recapUrl).ToHaveAttributeAsync("data-report-url",
            DispositionRecapReport.Link(new DateOnly(todayLocal.Year, 1, 1), todayLocal, null));
        var from = todayLocal.AddDays(-30);
        await page.Field("recap-from").FillAsync(from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.Field("recap-from").BlurAsync();
        await Assertions.Expect(recapUrl).ToHaveAttributeAsync("data-report-url", DispositionRecapReport.Link(from, todayLocal, null));
        var recap = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=disposition-export]"));
        await using (var file = File.OpenRead(await recap.PathAsync()))
        {
            using var book = new XLWorkbook(file);
            Assert.Equal($"Periode: {ReportPeriod.Create(from, todayLocal, 400).Label}", book.Worksheet(1).Cell("A4").GetString());
        }
        await page.ScreenshotAsync("surat-dasbor-rekap-periode");
    }
}

[Collection(AttendanceBrowserCollection.Name)]
[Trait("Category", "Browser")]
public class AttendanceChartsJourneyTests(AttendanceBrowserFixture fixture)
{
    [Fact]
    public async Task TheRecapPageShowsTheMonthsTrendAndTheMostLateUnitsAndOffersTheSheet()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("pimpinan", PortalFactory.Password);
        await page.WaitForCircuitAsync();
        await page.GotoAsync("/absensi/rekap");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid=attendance-trend] svg").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=trend-totals]")).ToContainTextAsync("tepat waktu");
        await Assertions.Expect(page.Locator("[data-testid=chart-top-late-units]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=recap-export]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("absensi-rekap-grafik");

        var phone = await fixture.NewPageAsync(390, 844);
        await phone.GotoAsync("/akun/masuk");
        await new LoginPage(phone).SignInAsync("pimpinan", PortalFactory.Password);
        await phone.WaitForCircuitAsync();
        await phone.GotoAsync("/absensi/rekap");
        await phone.WaitForCircuitAsync();
        await phone.Locator("[data-testid=attendance-trend] svg").WaitForAsync();
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "absensi-rekap-grafik-phone.png") });
    }
}
