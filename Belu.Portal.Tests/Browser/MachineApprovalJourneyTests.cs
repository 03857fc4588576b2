using System.Text;
using Belu.Portal.Tests.Integration.Attendance;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>An unknown machine calls in; the admin approves it on the device page and decides its line for a closed day.</summary>
[Collection(AttendanceBrowserCollection.Name)]
[Trait("Category", "Browser")]
public class MachineApprovalJourneyTests(AttendanceBrowserFixture fixture)
{
    private async Task<IPage> SignedInAsync(int width = 1366, int height = 768)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/akun/masuk");
        await new LoginPage(page).SignInAsync("admin", Infrastructure.PortalFactory.Password);
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact]
    public async Task AnAdminApprovesAWaitingMachineAndAcceptsItsLineForAClosedDay()
    {
        // The portal listens on loopback: this client is a machine on this computer.
        using var machine = new HttpClient { BaseAddress = new Uri(fixture.Portal.BaseUrl) };
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await machine.GetAsync("/iclock/cdata?SN=ZKJOURNEY1&options=all")).StatusCode);

        var page = await SignedInAsync();
        await page.GotoAsync("/admin/absensi/perangkat");
        await page.WaitForCircuitAsync();
        var row = page.Locator("[data-testid=device-table] tbody tr", new() { HasText = "ZKJOURNEY1" });
        await Assertions.Expect(row).ToContainTextAsync("Menunggu persetujuan");
        await Assertions.Expect(row).ToContainTextAsync("127.0.0.1");
        await Assertions.Expect(page.Locator("[data-testid=machine-alerts]")).ToContainTextAsync("Mesin baru menghubungi portal");
        await row.Locator("[data-testid=device-approve]").ClickAsync();
        await Assertions.Expect(page.Field("device-approve-network")).ToHaveValueAsync("127.0.0.1/32");
        await page.ClickAsync("[data-testid=device-approve-confirm]");
        await Assertions.Expect(row.Locator("[data-testid=device-status]")).ToHaveTextAsync("Disetujui");
        await page.ScreenshotAsync("absensi-perangkat-mesin");

        var (_, nip) = await fixture.Portal.StaffWithCleanRecordAsync("DINSOS", skip: 5);
        var upload = await machine.PostAsync("/iclock/cdata?SN=ZKJOURNEY1&table=ATTLOG",
            new StringContent($"{nip}\t2026-11-26 07:13:00\t0\t1\t0\t0\t0\t0\t0\t0\n", Encoding.ASCII, "text/plain"));
        Assert.Equal("OK: 1", await upload.Content.ReadAsStringAsync());

        await page.GotoAsync("/admin/absensi/koreksi-mesin");
        await page.WaitForCircuitAsync();
        var line = page.Locator("[data-testid=machine-lines] tbody tr", new() { HasText = nip });
        await Assertions.Expect(line).ToContainTextAsync("Menunggu koreksi");
        await page.ScreenshotAsync("absensi-koreksi-mesin");
        var phone = await SignedInAsync(390, 844);
        await phone.GotoAsync("/admin/absensi/koreksi-mesin");
        await phone.WaitForCircuitAsync();
        await Assertions.Expect(phone.Locator("[data-testid=machine-lines]")).ToContainTextAsync(nip);
        await phone.ScreenshotAsync("absensi-koreksi-mesin-ponsel");

        await line.Locator("[data-testid=machine-line-accept]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=machine-lines]")).ToContainTextAsync("Tidak ada baris yang menunggu koreksi");
    }
}
