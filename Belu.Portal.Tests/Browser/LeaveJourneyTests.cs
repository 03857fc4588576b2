using System.Globalization;
using System.Text.RegularExpressions;
using Belu.Portal.Features.Attendance.Leave;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>A portal of its own on the fake clock (Friday 27 November 2026, 07:45 WITA), which the cuti journey moves on, and one Chromium.</summary>
public sealed class LeaveJourneyFixture : PortalBrowserFixture<FakeClockKestrelPortalFactory>
{
    /// <summary>Signed in, with downloads kept (the form's PDF).</summary>
    public Task<IPage> SignedInAsync(string user, int width = 1366, int height = 768) =>
        SignedInAsync(user, width, height, options => options.AcceptDownloads = true);
}

/// <summary>
/// Cuti through the pages alone (docs/domain/leave.md): the employee asks, his superior gives his consideration, the
/// grantor decides, the form prints as a PDF, and once the days have passed the monthly recap shows them as C with the
/// weekend inside as days off. No decision is made by calling a service.
/// </summary>
[Trait("Category", "Browser")]
public class LeaveJourneyTests(LeaveJourneyFixture fixture) : IClassFixture<LeaveJourneyFixture>
{
    // Thursday 3 to Tuesday 8 December 2026: four working days around a weekend, no holiday.
    private static readonly DateOnly From = new(2026, 12, 3);
    private static readonly DateOnly To = new(2026, 12, 8);
    private const string Reason = "Menghadiri pernikahan adik di Kupang.";

    private static ILocator TextArea(IPage page, string testId) =>
        page.Locator($"textarea[data-testid={testId}], [data-testid={testId}] textarea").First;

    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
    }

    private static async Task TypeDateAsync(IPage page, string testId, DateOnly date)
    {
        var input = page.Field(testId);
        await input.FillAsync(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await input.BlurAsync();
    }

    [Fact]
    public async Task ACutiTahunanIsAskedConsideredGrantedPrintedAndShownAsCInTheRecap()
    {
        var pegawai = await fixture.Portal.EmployeeIdOfAsync("pegawai");
        var page = await fixture.SignedInAsync("pegawai");
        await page.GotoAsync("/absensi/permohonan");
        await page.WaitForCircuitAsync();
        var before = int.Parse(await page.Locator("[data-testid=leave-left]").InnerTextAsync(), CultureInfo.InvariantCulture);

        await page.ClickAsync("[data-testid=request-new]");
        await page.Locator("[data-testid=request-dialog]").WaitForAsync();
        await ChooseAsync(page, "request-kind", "Cuti (C)");
        await ChooseAsync(page, "request-leave-kind", "Cuti Tahunan");
        await page.Field("request-leave-address").FillAsync("Jl. Timor Raya No. 12, Kupang");
        await TypeDateAsync(page, "request-from", From);
        await TypeDateAsync(page, "request-to", To);
        await TextArea(page, "request-reason").FillAsync(Reason);
        await page.ScreenshotAsync("cuti-ajukan");
        await page.ClickAsync("[data-testid=request-submit]");
        var mine = page.Locator("[data-testid=requests-mine] tbody tr", new() { HasText = Reason });
        await Assertions.Expect(mine).ToContainTextAsync("Diajukan");

        // The direct superior gives his consideration; the request then waits for the grantor, with no button for him.
        var superior = await fixture.SignedInAsync("kabid.aptika");
        await superior.GotoAsync("/absensi/permohonan");
        await superior.WaitForCircuitAsync();
        var toConsider = superior.Locator("[data-testid=requests-to-decide] tbody tr", new() { HasText = Reason });
        await toConsider.Locator("[data-testid=request-approve]").ClickAsync();
        await Assertions.Expect(superior.Locator("[data-testid=decide-dialog]")).ToContainTextAsync("Pertimbangan atasan langsung");
        await Assertions.Expect(superior.Locator("[data-testid=decide-answer-Perubahan]")).ToBeVisibleAsync();
        await superior.ClickAsync("[data-testid=decide-answer-Setuju]");
        await superior.ScreenshotAsync("cuti-pertimbangan");
        await superior.ClickAsync("[data-testid=decide-confirm]");
        await Assertions.Expect(toConsider.Locator("[data-testid=request-consideration]")).ToContainTextAsync("Disetujui");
        await Assertions.Expect(toConsider.Locator("[data-testid=request-approve]")).ToHaveCountAsync(0);
        await Assertions.Expect(toConsider).ToContainTextAsync("Diajukan");

        // The head of the OPD grants it.
        var grantor = await fixture.SignedInAsync("pimpinan");
        await grantor.GotoAsync("/absensi/permohonan");
        await grantor.WaitForCircuitAsync();
        var toGrant = grantor.Locator("[data-testid=requests-to-decide] tbody tr", new() { HasText = Reason });
        await Assertions.Expect(toGrant.Locator("[data-testid=request-consideration]")).ToContainTextAsync("Disetujui");
        await toGrant.Locator("[data-testid=request-approve]").ClickAsync();
        await Assertions.Expect(grantor.Locator("[data-testid=decide-dialog]")).ToContainTextAsync("Keputusan pejabat yang berwenang memberikan cuti");
        // Perubahan is the superior's answer only: the grantor does not rewrite dates.
        await Assertions.Expect(grantor.Locator("[data-testid=decide-answer-Perubahan]")).ToHaveCountAsync(0);
        await grantor.ClickAsync("[data-testid=decide-answer-Setuju]");
        await grantor.ScreenshotAsync("cuti-keputusan-dialog");
        await grantor.ClickAsync("[data-testid=decide-confirm]");
        await Assertions.Expect(toGrant).ToContainTextAsync("Disetujui");
        await Assertions.Expect(toGrant.Locator("[data-testid=request-approve]")).ToHaveCountAsync(0);
        await grantor.ScreenshotAsync("cuti-keputusan");

        // The employee sees it granted and opens the filled form, then its PDF.
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(mine).ToContainTextAsync("Disetujui");
        await page.ScreenshotAsync("cuti-saldo");
        var formLink = await mine.Locator("[data-testid=request-leave-form]").GetAttributeAsync("href");
        Assert.NotNull(formLink);
        await page.GotoAsync(formLink);
        await Assertions.Expect(page.Locator("[data-testid=leave-form-days]")).ToHaveTextAsync("4 hari kerja");
        await Assertions.Expect(page.Locator("[data-testid=leave-form-consideration-Setuju]")).ToContainTextAsync("✓");
        await Assertions.Expect(page.Locator("[data-testid=leave-form-decision-Setuju]")).ToContainTextAsync("✓");
        await page.ScreenshotAsync("cuti-formulir");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=leave-form-pdf]"));
        var file = Path.Combine(BrowserFixture.ScreenshotDirectory, "cuti-formulir.pdf");
        await download.SaveAsAsync(file);
        var text = Regex.Replace(await Poppler.TextAsync(await File.ReadAllBytesAsync(file)), @"\s+", " ");
        string name, superiorName, grantorName;
        await using (var db = fixture.Portal.CreateDbContext())
        {
            var names = await db.Users.Where(u => u.UserName == "pegawai" || u.UserName == "kabid.aptika" || u.UserName == "pimpinan")
                .Join(db.Employees, u => u.EmployeeId, e => e.Id, (u, e) => new { u.UserName, e.Name }).ToDictionaryAsync(x => x.UserName!, x => x.Name);
            (name, superiorName, grantorName) = (names["pegawai"], names["kabid.aptika"], names["pimpinan"]);
        }
        foreach (var expected in new[] { "FORMULIR PERMINTAAN DAN PEMBERIAN CUTI", name, superiorName, grantorName, "Cuti Tahunan", "4 hari kerja",
                     "03/12/2026", "08/12/2026", Reason, "Jl. Timor Raya No. 12, Kupang" })
        {
            Assert.Contains(expected, text);
        }
        // Both answers ticked: the superior's consideration and the grantor's decision.
        Assert.Equal(2, Regex.Matches(text, $"DISETUJUI {LeaveFormPdfTick}").Count);

        var phone = await fixture.SignedInAsync("pegawai", 390, 844);
        await phone.GotoAsync("/absensi/permohonan");
        await phone.WaitForCircuitAsync();
        await Assertions.Expect(phone.Locator("[data-testid=leave-balance]")).ToContainTextAsync("Sisa cuti tahunan");
        await phone.ScreenshotAsync("cuti-saldo-phone");
        await phone.GotoAsync(formLink);
        await Assertions.Expect(phone.Locator("[data-testid=leave-form-pdf]")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("cuti-formulir-phone");

        // An admin opens the same PDF; someone who is no party to it gets 403.
        var admin = await fixture.SignedInAsync("admin");
        var asAdmin = await admin.APIRequest.GetAsync(PrintLeaveForm.PdfLink(Guid.Parse(formLink.Split('/')[3])));
        Assert.Equal(200, asAdmin.Status);
        Assert.Equal("application/pdf", asAdmin.Headers["content-type"]);
        var stranger = await fixture.SignedInAsync("kabid.ikp");
        Assert.Equal(403, (await stranger.APIRequest.GetAsync(PrintLeaveForm.PdfLink(Guid.Parse(formLink.Split('/')[3])))).Status);

        // The days pass. The recap of December shows the four working days as C, the weekend as L, and the balance
        // four days lower than before the request.
        fixture.Portal.SetLocal(new DateOnly(2026, 12, 9), 8, 0);
        foreach (var (width, height, shot) in new[] { (1366, 768, "cuti-rekap"), (390, 844, "cuti-rekap-phone") })
        {
            var leader = await fixture.SignedInAsync("pimpinan", width, height);
            await leader.GotoAsync("/absensi/rekap");
            await leader.WaitForCircuitAsync();
            await Assertions.Expect(leader.Locator("[data-testid=recap-title]")).ToContainTextAsync("Desember 2026");
            var row = leader.Locator($"[data-testid=recap-grid] tbody tr[data-employee='{pegawai}']");
            foreach (var (day, code) in new (int Day, string? Code)[] { (2, null), (3, "C"), (4, "C"), (5, "L"), (6, "L"), (7, "C"), (8, "C") })
            {
                var cell = row.Locator("td").Nth(day);
                if (code is null)
                {
                    await Assertions.Expect(cell).Not.ToHaveTextAsync("C");
                }
                else
                {
                    await Assertions.Expect(cell).ToHaveTextAsync(code);
                }
            }
            await Assertions.Expect(row.Locator("td.recap-total[data-code=C]")).ToHaveTextAsync("4");
            var leave = await row.Locator("[data-testid=recap-leave]").InnerTextAsync();
            var left = Regex.Match(leave, @"(\d+)/(\d+)/(\d+)");
            Assert.True(left.Success, leave);
            Assert.Equal(before - 4, Enumerable.Range(1, 3).Sum(i => int.Parse(left.Groups[i].Value, CultureInfo.InvariantCulture)));
            await leader.ScreenshotAsync(shot, fullPage: width > 600);
        }
    }

    private const string LeaveFormPdfTick = Belu.Portal.Features.Attendance.Leave.Pdf.LeaveFormPdf.Tick;

    [Fact]
    public async Task AnAdminSetsAnOpeningBalanceOnTheEmployeesPageWithIndonesianMessages()
    {
        string name, nip;
        int employee;
        await using (var db = fixture.Portal.CreateDbContext())
        {
            var found = await db.Users.Where(u => u.UserName == "agendaris").Join(db.Employees, u => u.EmployeeId, e => e.Id, (u, e) => new { e.Id, e.Name, e.Nip }).SingleAsync();
            (employee, name, nip) = (found.Id, found.Name, found.Nip!);
        }
        foreach (var (width, height, suffix) in new[] { (1366, 768, ""), (390, 844, "-phone") })
        {
            var admin = await fixture.SignedInAsync("admin", width, height);
            await admin.GotoAsync("/organisasi/pegawai");
            await admin.WaitForCircuitAsync();
            await admin.Field("employee-search").FillAsync(nip);
            // The search waits 300 ms after the last key on the portal's clock, which is this test's fake one: move it
            // on until the keys have reached the circuit and the list has been filtered.
            var rows = admin.Locator("[data-testid=employee-table] tbody tr");
            for (var i = 0; i < 40 && await rows.Filter(new() { HasText = name }).CountAsync() == 0; i++)
            {
                fixture.Portal.Time.Advance(TimeSpan.FromMilliseconds(400));
                await Task.Delay(250);
            }
            await Assertions.Expect(rows).ToHaveCountAsync(1);
            await rows.Filter(new() { HasText = name }).ClickAsync();
            var panel = admin.Locator("[data-testid=employee-leave]");
            await Assertions.Expect(panel.Locator("[data-testid=employee-leave-balance]")).ToBeVisibleAsync();
            if (suffix == "")
            {
                // Too many days carried, and no source: both are named, in Indonesian, and nothing is saved.
                await admin.Field("leave-opening-n1").FillAsync("9");
                await admin.Field("leave-opening-note").FillAsync("");
                await admin.ClickAsync("[data-testid=leave-opening-save]");
                var errors = admin.Locator("[data-testid=leave-opening-errors]");
                await Assertions.Expect(errors).ToContainTextAsync("Sisa N-1 yang dibawa 0–6 hari kerja.");
                await Assertions.Expect(errors).ToContainTextAsync("Sebutkan sumber angka ini");
                await panel.ScrollIntoViewIfNeededAsync();
                await admin.ScreenshotAsync("cuti-saldo-awal-salah", fullPage: false);

                await admin.Field("leave-opening-n1").FillAsync("4");
                await admin.Field("leave-opening-taken").FillAsync("1");
                await admin.Field("leave-opening-note").FillAsync("Kartu cuti BKPSDM 2026");
                await admin.ClickAsync("[data-testid=leave-opening-save]");
                await Assertions.Expect(panel.Locator("[data-testid=employee-leave-opening]")).ToContainTextAsync("Saldo awal 2026: sisa N-1 4, sisa N-2 0, sudah diambil 1 hari kerja");
                await Assertions.Expect(panel.Locator("[data-testid=employee-leave-right-n1]")).ToHaveTextAsync("4");
            }
            else
            {
                await Assertions.Expect(panel.Locator("[data-testid=employee-leave-opening]")).ToContainTextAsync("Saldo awal 2026");
            }
            await panel.ScrollIntoViewIfNeededAsync();
            await admin.ScreenshotAsync("cuti-saldo-awal" + suffix, fullPage: false);
        }
        await using (var db = fixture.Portal.CreateDbContext())
        {
            var audit = await db.AuditEntries.Where(a => a.Action == "attendance.leave.opening" && a.Subject == employee.ToString(CultureInfo.InvariantCulture)).SingleAsync();
            Assert.Equal("admin", audit.UserName);
            Assert.Contains("sesudah 2026: N-1 4, N-2 0, diambil 1 (Kartu cuti BKPSDM 2026)", audit.Detail);
        }
    }
}
