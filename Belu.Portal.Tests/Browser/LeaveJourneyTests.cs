using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Leave;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Belu.Portal.Tests.Integration.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class LeaveJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AGrantedCutiShowsOnTheLeavePageWithItsBalanceAndPrintsItsFormWithBothDecisions()
    {
        var portal = fixture.Portal;
        var today = portal.Today();
        // A Monday and Tuesday of the same year within four months that no request of his covers.
        var pegawai = await portal.EmployeeOfAsync("pegawai");
        List<(DateOnly From, DateOnly To)> taken;
        await using (var db = portal.CreateDbContext())
        {
            taken = (await db.AttendanceRequests.Where(r => r.EmployeeId == pegawai).Select(r => new { r.From, r.To }).ToListAsync()).Select(r => (r.From, r.To)).ToList();
        }
        var monday = Enumerable.Range(7, 120).Select(today.AddDays)
            .First(d => d.DayOfWeek == DayOfWeek.Monday && d.AddDays(1).Year == d.Year && !taken.Any(t => t.From <= d.AddDays(1) && t.To >= d));
        Guid id;
        await using (var scope = await portal.ScopeForAsync("pegawai"))
        {
            id = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(new RequestInput
            {
                Kind = RequestKind.C, LeaveKind = LeaveKind.Tahunan, From = monday, To = monday.AddDays(1),
                Reason = "Menghadiri pernikahan adik di Kupang.", LeaveAddress = "Jl. Timor Raya No. 12, Kupang",
            }, null);
        }
        int approver, grantor;
        await using (var db = portal.CreateDbContext())
        {
            var r = await db.AttendanceRequests.SingleAsync(x => x.Id == id);
            (approver, grantor) = (r.ApproverEmployeeId!.Value, r.GrantorEmployeeId!.Value);
        }
        foreach (var (who, consider) in new[] { (approver, true), (grantor, false) })
        {
            string user;
            Guid version;
            await using (var db = portal.CreateDbContext())
            {
                user = await db.Users.Where(u => u.EmployeeId == who).Select(u => u.UserName!).FirstAsync();
                version = await db.AttendanceRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
            }
            await using var scope = await portal.ScopeForAsync(user);
            var decide = scope.ServiceProvider.GetRequiredService<DecideLeave>();
            await (consider ? decide.ConsiderAsync(id, LeaveConsideration.Setuju, "Tugas sudah diserahkan kepada rekan.", version) : decide.DecideAsync(id, LeaveConsideration.Setuju, null, version));
            if (consider)
            {
                // His part is given: the request now waits for the grantor, and his list offers him no decision on it.
                var superior = await fixture.NewPageAsync();
                await new LetterPages(superior).SignInAsync(user);
                await superior.GotoAsync("/absensi/permohonan");
                await superior.WaitForCircuitAsync();
                var row = superior.Locator("[data-testid=requests-to-decide] tbody tr", new() { HasText = "Menghadiri pernikahan adik di Kupang." });
                await Assertions.Expect(row.Locator("[data-testid=request-consideration]")).ToContainTextAsync("Disetujui");
                Assert.Equal(0, await row.Locator("[data-testid=request-approve]").CountAsync());
            }
        }

        foreach (var (width, height, suffix) in new[] { (1366, 768, ""), (390, 844, "-phone") })
        {
            var page = await fixture.NewPageAsync(width, height);
            await new LetterPages(page).SignInAsync("pegawai");
            await page.GotoAsync("/absensi/permohonan");
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.Locator("[data-testid=leave-balance]")).ToContainTextAsync("Sisa cuti tahunan");
            await Assertions.Expect(page.Locator("[data-testid=requests-mine]")).ToContainTextAsync("Cuti Tahunan");
            await page.ScreenshotAsync("cuti-saldo" + suffix);

            await page.GotoAsync($"/absensi/permohonan/{id}/formulir-cuti");
            await Assertions.Expect(page.Locator("[data-testid=leave-form]")).ToContainTextAsync("FORMULIR PERMINTAAN DAN PEMBERIAN CUTI");
            await Assertions.Expect(page.Locator("[data-testid=leave-form-kind-Tahunan]")).ToHaveTextAsync("✓");
            await Assertions.Expect(page.Locator("[data-testid=leave-form-days]")).ToHaveTextAsync("2 hari kerja");
            await Assertions.Expect(page.Locator("[data-testid=leave-form-consideration-Setuju]")).ToContainTextAsync("✓");
            await Assertions.Expect(page.Locator("[data-testid=leave-form-decision-Setuju]")).ToContainTextAsync("✓");
            await page.ScreenshotAsync("cuti-formulir" + suffix);
        }
    }
}
