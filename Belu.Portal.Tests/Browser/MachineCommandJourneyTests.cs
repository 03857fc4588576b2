using Belu.Portal.Features.Attendance.Admin;
using Belu.Portal.Tests.Integration.Attendance;
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
        // The admin finds the employee as he would: by typing his name in the list's search, then his NIP.
        string name, nip;
        await using (var db = fixture.Portal.CreateDbContext())
        {
            var employeeId = await fixture.Portal.EmployeeIdOfAsync("pegawai");
            var employee = await db.Employees.SingleAsync(e => e.Id == employeeId);
            (name, nip) = (employee.Name, employee.Nip!);
        }
        await page.GotoAsync("/organisasi/pegawai");
        await page.WaitForCircuitAsync();
        var rows = page.Locator("[data-testid=employee-table] tbody tr");
        var search = page.Field("employee-search");
        await search.FillAsync(name.ToUpperInvariant());
        await search.PressAsync("Enter");
        await Assertions.Expect(rows.Filter(new() { HasText = nip })).ToHaveCountAsync(1);
        // A NIP as it is printed on the card, with its spaces, finds him alone.
        await search.FillAsync($"{nip[..8]} {nip[8..14]} {nip[14]} {nip[15..]}");
        await search.PressAsync("Enter");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var row = rows.Filter(new() { HasText = nip });
        await Assertions.Expect(row).ToContainTextAsync(name);
        await page.ScreenshotAsync("absensi-mesin-cari-pegawai");
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
