using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Tests.Integration.Attendance.Adms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>An admin puts an employee on a machine from his page; the simulated machine polls; the machine page shows it done.</summary>
[Collection(AttendanceBrowserCollection.Name)]
[Trait("Category", "Browser")]
public class MachineCommandJourneyTests(AttendanceBrowserFixture fixture)
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
    public async Task AnAdminPutsAnEmployeeOnAMachineAndSeesTheMachineAnswerDone()
    {
        Guid id;
        await using (var scope = await fixture.Portal.ScopeForAsync("admin"))
        {
            id = await scope.ServiceProvider.GetRequiredService<RegisterDevice>().RegisterMachineAsync("Mesin Aula Dinsos", "ZKJOURNEY2", null, network: "127.0.0.1");
        }
        // The portal listens on loopback: this client is a machine on this computer.
        var machine = new SimulatedMachine(new HttpClient { BaseAddress = new Uri(fixture.Portal.BaseUrl) }, "ZKJOURNEY2",
            () => fixture.Portal.Time.GetUtcNow().ToOffset(Infrastructure.TestClock.Wita).DateTime);
        var page = await SignedInAsync();
        await page.GotoAsync("/organisasi/pegawai");
        await page.WaitForCircuitAsync();
        // The first employee of the list, whoever it is (the machine stands for every unit).
        var row = page.Locator("[data-testid=employee-table] tbody tr").First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        var nip = (await row.Locator("td").Nth(1).InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{18}$", nip);
        await row.ClickAsync();
        var onMachine = page.Locator("[data-testid=employee-machine-row]", new() { HasText = "ZKJOURNEY2" });
        await onMachine.Locator("[data-testid=employee-machine-put]").ClickAsync();
        await Assertions.Expect(onMachine.Locator("[data-testid=employee-machine-state]")).ToContainTextAsync("Tambah pegawai ke mesin: Antre");
        await page.ScreenshotAsync("absensi-mesin-pegawai");

        var received = Assert.Single(await machine.PollAsync());
        Assert.Contains($"DATA UPDATE USERINFO PIN={nip}\t", received);
        Assert.True(machine.Users.ContainsKey(nip));

        // The admin asks for the machine's counts, and the machine answers on its next poll.
        await page.GotoAsync($"/admin/absensi/perangkat/{id}");
        await page.WaitForCircuitAsync();
        var history = page.Locator("[data-testid=machine-commands]");
        await Assertions.Expect(history).ToContainTextAsync("Tambah pegawai ke mesin");
        await Assertions.Expect(history.Locator("tbody tr").First.Locator("[data-testid=command-state]")).ToHaveTextAsync("Selesai");
        await page.ClickAsync("[data-testid=machine-info-request]");
        await Assertions.Expect(history).ToContainTextAsync("Minta info");
        Assert.Single(await machine.PollAsync());
        await page.ClickAsync("[data-testid=machine-refresh]");
        await Assertions.Expect(page.Locator("[data-testid=machine-counts]")).ToContainTextAsync("1 / 2 / 0");
        await Assertions.Expect(history.Locator("[data-testid=command-state]", new() { HasText = "Antre" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("absensi-mesin-perintah");

        var phone = await SignedInAsync(390, 844);
        await phone.GotoAsync($"/admin/absensi/perangkat/{id}");
        await phone.WaitForCircuitAsync();
        await Assertions.Expect(phone.Locator("[data-testid=machine-commands]")).ToContainTextAsync("Minta info");
        await phone.ScreenshotAsync("absensi-mesin-perintah-ponsel");

        await using var audit = fixture.Portal.CreateDbContext();
        Assert.Equal(2, await audit.AuditEntries.CountAsync(a => a.Action == "attendance.machine-command.queued" && a.Subject == "ZKJOURNEY2"));
    }
}
