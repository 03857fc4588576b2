using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(AttendanceBrowserCollection.Name)]
[Trait("Category", "Browser")]
public class RequestNoticeJourneyTests(AttendanceBrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 768, 20, "absensi-permohonan-keputusan")]
    [InlineData(390, 844, 21, "absensi-permohonan-keputusan-phone")]
    public async Task TheApproverOpensTheRequestFromHisNotificationAndApprovesIt(int width, int height, int daysAhead, string shot)
    {
        var day = FakeClock.StartDay.AddDays(daysAhead);
        Guid id;
        await using (var scope = await fixture.Portal.ScopeForAsync("pegawai"))
        {
            id = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
                new RequestInput { Kind = RequestKind.I, From = day, To = day, Reason = "Menghadiri sidang di Pengadilan Negeri Atambua." }, null);
        }
        var link = RequestLinks.Decide(id);

        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("kabid.aptika", PortalFactory.Password);
        await page.WaitForCircuitAsync();
        // The link of the notification, as the toast's "Buka" or a bookmark follows it.
        await page.GotoAsync(link);
        await page.WaitForCircuitAsync();
        var detail = page.Locator("[data-testid=request-detail]");
        await Assertions.Expect(detail).ToContainTextAsync("Menghadiri sidang di Pengadilan Negeri Atambua.");
        await Assertions.Expect(page.Locator("[data-testid=request-status]")).ToHaveTextAsync("Diajukan");
        await page.ScreenshotAsync(shot);

        // Opening it answered his notification, as opening a letter does.
        await using (var db = fixture.Portal.CreateDbContext())
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (await db.Notifications.AsNoTracking().AnyAsync(n => n.Link == link && n.ReadAtUtc == null, timeout.Token))
            {
                await Task.Delay(50, timeout.Token);
            }
            Assert.True(await db.Notifications.AnyAsync(n => n.Link == link && n.ReadAtUtc != null));
        }

        await page.ClickAsync("[data-testid=request-approve]");
        await page.Locator("[data-testid=decide-dialog]").WaitForAsync();
        await page.ClickAsync("[data-testid=decide-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=request-status]")).ToHaveTextAsync("Disetujui");
        await Assertions.Expect(page.Locator("[data-testid=request-approve]")).ToHaveCountAsync(0);
    }
}
