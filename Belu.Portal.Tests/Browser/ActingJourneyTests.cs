using System.Globalization;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization.Acting;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.ElectronicLetters;
using Belu.Portal.Tests.Integration.Attendance;
using Belu.Portal.Tests.Integration.Letters;
using Belu.Portal.Tests.Integration.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class ActingJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnAdminAppointsAPlhForTheKadisWhoDisposesHisLetterApprovesADutyRequestAndSignsHisDraftAndTheKadisSeesItAllInHisName()
    {
        var portal = fixture.Portal;
        var today = portal.Today();
        var subject = "Permintaan Narasumber Forum Keamanan Siber Perbatasan";
        var form = await portal.FormAsync(subject);
        var letterId = await portal.RegisterAsync(form);
        var aptika = await portal.EmployeeOfAsync("kabid.aptika");
        // Within a month every day numbered 3, 10, 17, 24 or 31 falls on one weekday, at most two months running on a weekend:
        // four months always hold a working one, whatever day the suite runs (31 December 2026 had none in 30 days).
        var dutyDay = Enumerable.Range(1, 120).Select(today.AddDays).First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d.Day % 7 == 3);
        Guid requestId;
        await using (var scope = await portal.ScopeForAsync("kabid.aptika"))
        {
            requestId = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
                new RequestInput { Kind = RequestKind.DL, From = dutyDay, To = dutyDay, Reason = "Narasumber forum keamanan siber di Atambua." },
                new RequestDocument(AttendanceTestData.Pdf(), "surat-tugas.pdf"));
        }
        // A Surat Dinas the conceptor sent for the Kadis's signature; the Plh has a certificate of his own.
        var draft = await portal.AwaitingSignatureAsync("Permohonan Data Aplikasi Ditandatangani Plh");
        await portal.EnrolAsync("sekretaris");
        // The surat perintah itself was drafted and signed in the portal: the appointment cites it.
        var order = await portal.SignAsync("sekretaris", await portal.AwaitingSignatureAsync("Surat Perintah Plh Kepala Dinas", signerUser: "sekretaris"));
        string plhName;
        await using (var db = portal.CreateDbContext())
        {
            var sekretaris = await portal.EmployeeOfAsync("sekretaris");
            plhName = await db.Employees.Where(e => e.Id == sekretaris).Select(e => e.Name).SingleAsync();
        }

        // The admin appoints the Sekretaris as Plh of the Kadis for a week.
        var admin = await fixture.NewPageAsync();
        await new LetterPages(admin).SignInAsync("admin");
        await admin.GotoAsync("/admin/plh-plt");
        await admin.WaitForCircuitAsync();
        await admin.Locator("[data-ready=true]").WaitForAsync();
        await ChooseAsync(admin, "acting-replaced", "Kepala Dinas Komunikasi", "Kepala Dinas Komunikasi dan Informatika");
        await ChooseAsync(admin, "acting-person", plhName[..5], plhName);
        await admin.Field("acting-to").FillAsync(today.AddDays(6).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await admin.Field("acting-to").BlurAsync();
        await ChooseAsync(admin, "acting-basis", order.Number, order.Number);
        await Assertions.Expect(admin.Field("acting-letter-number")).ToHaveValueAsync(order.Number);
        await admin.ClickAsync("[data-testid=acting-save]");
        await Assertions.Expect(admin.Locator("[data-testid=acting-table]")).ToContainTextAsync("Plh. Kepala Dinas Komunikasi dan Informatika");
        await Assertions.Expect(admin.Locator("[data-testid=acting-table]")).ToContainTextAsync("Sedang berlaku");
        await Assertions.Expect(admin.Locator("[data-testid=acting-basis-link]", new() { HasText = order.Number }))
            .ToHaveAttributeAsync("href", $"/verifikasi/{order.VerificationCode}");
        await admin.ScreenshotAsync("plh-plt");
        var phone = await fixture.NewPageAsync(390, 844);
        await new LetterPages(phone).SignInAsync("admin");
        await phone.GotoAsync("/admin/plh-plt");
        await phone.WaitForCircuitAsync();
        await Assertions.Expect(phone.Locator("[data-testid=acting-table]")).ToContainTextAsync("Plh. Kepala Dinas");
        await phone.ScreenshotAsync("plh-plt-phone");

        // The Plh switches to the post, disposes the letter addressed to the Kadis and approves the duty request.
        var plh = await fixture.NewPageAsync();
        var plhPages = new LetterPages(plh);
        await plhPages.SignInAsync("sekretaris");
        await plh.Locator("[data-testid=acting-switch]").WaitForAsync();
        await plh.Locator("[data-testid^=acting-as-]").First.ClickAsync();
        await Assertions.Expect(plh.Locator("[data-testid=acting-current]")).ToHaveTextAsync("Plh. Kepala Dinas Komunikasi dan Informatika");
        await plh.WaitForCircuitAsync();
        await plhPages.OpenLetterAsync($"/surat/{letterId}");
        await plhPages.StartDisposingAsync(aptika, "Tindak Lanjuti", today.AddDays(5), "Siapkan narasumber dan bahan paparan.");
        await plh.ClickAsync("[data-testid=disposition-submit]");
        await plh.Locator("[data-testid=disposition] [data-status=Baru]").WaitForAsync();
        await Assertions.Expect(plhPages.Track).ToContainTextAsync($"{plhName}, Plh. Kepala Dinas");
        await plh.ScreenshotAsync("plh-disposisi");

        await plh.GotoAsync(RequestLinks.Decide(requestId));
        await plh.WaitForCircuitAsync();
        await plh.ClickAsync("[data-testid=request-approve]");
        await plh.Locator("[data-testid=decide-dialog]").WaitForAsync();
        await plh.ClickAsync("[data-testid=decide-confirm]");
        await Assertions.Expect(plh.Locator("[data-testid=request-status]")).ToHaveTextAsync("Disetujui");

        // The Kadis's draft waits in the Plh's list; he signs it with his own passphrase, as Plh.
        await plh.GotoAsync($"/naskah/{draft.Id}");
        await plh.WaitForCircuitAsync();
        await plh.Field("sign-passphrase").FillAsync(DraftTestKit.Passphrase);
        await plh.ClickAsync("[data-testid=sign-submit]");
        await Assertions.Expect(plh.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Ditandatangani", new() { Timeout = 45_000 });
        await plh.ScreenshotAsync("plh-naskah-ditandatangani");
        var plhPhone = await fixture.NewPageAsync(390, 844);
        await new LetterPages(plhPhone).SignInAsync("sekretaris");
        await plhPhone.GotoAsync($"/naskah/{draft.Id}");
        await plhPhone.WaitForCircuitAsync();
        await Assertions.Expect(plhPhone.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Ditandatangani");
        await plhPhone.ScreenshotAsync("plh-naskah-ditandatangani-ponsel", fullPage: false);
        var pdf = await portal.AsAsync("pegawai", sp => sp.GetRequiredService<OpenDraftPdf>().HandleAsync(draft.Id));
        Assert.Contains("Signature is Valid.", await Poppler.SignatureReportAsync(pdf.Content));
        var text = await Poppler.TextAsync(pdf.Content);
        Assert.Contains("Plh. Kepala Dinas", text);
        Assert.Contains(plhName, text);
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "plh-naskah.pdf"), pdf.Content);

        // The range is cut short so the shared portal's other journeys meet the Kadis as himself.
        await using (var scope = await portal.ScopeForAsync("admin"))
        {
            var row = (await scope.ServiceProvider.GetRequiredService<ActingQueries>().LoadAsync()).Rows
                .Single(r => r.Phase == ActingPhase.Berlaku && r.Capacity.StartsWith("Plh. Kepala Dinas Komunikasi", StringComparison.Ordinal));
            await scope.ServiceProvider.GetRequiredService<CancelActing>().HandleAsync(row.Id, row.Version);
        }

        // Afterwards the Kadis sees both in his name, with "Plh." in them.
        var kadis = await fixture.NewPageAsync();
        var kadisPages = new LetterPages(kadis);
        await kadisPages.SignInAsync("pimpinan");
        await kadisPages.OpenLetterAsync($"/surat/{letterId}");
        await Assertions.Expect(kadisPages.Track).ToContainTextAsync($"{plhName}, Plh. Kepala Dinas");
        await Assertions.Expect(kadis.Locator("[data-testid=disposition]").First).ToContainTextAsync("(Plh. Kepala Dinas");
        await kadis.GotoAsync(RequestLinks.Decide(requestId));
        await kadis.WaitForCircuitAsync();
        await Assertions.Expect(kadis.Locator("[data-testid=request-detail]")).ToContainTextAsync($"oleh {plhName} (Plh. Kepala Dinas");
        await kadis.GotoAsync($"/surat/{letterId}/lembar-disposisi");
        await Assertions.Expect(kadis.Locator("[data-testid=sheet-sign]")).ToContainTextAsync("Plh. Kepala Dinas");
        await Assertions.Expect(kadis.Locator("[data-testid=sheet-sign]")).ToContainTextAsync("NIP.");
        await kadis.ScreenshotAsync("plh-lembar-disposisi");
        await kadis.GotoAsync($"/naskah/{draft.Id}");
        await kadis.WaitForCircuitAsync();
        await Assertions.Expect(kadis.Locator("[data-testid=draft-status]")).ToHaveTextAsync("Ditandatangani");
        await Assertions.Expect(kadis.Locator("[data-testid=draft-history]")).ToContainTextAsync("Sebagai Plh. Kepala Dinas");
        await Assertions.Expect(kadis.Locator("[data-testid=draft-preview]")).ToContainTextAsync($"Plh. Kepala Dinas Komunikasi dan Informatika,");
        await Assertions.Expect(kadis.Locator("[data-testid=draft-preview]")).ToContainTextAsync(plhName);
        await kadis.ScreenshotAsync("plh-naskah-dilihat-kadis");
    }

    /// <summary>Types into a MudAutocomplete and picks the item that shows <paramref name="pick"/>.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string typed, string pick)
    {
        await page.Field(testId).ClickAsync();
        await page.Field(testId).PressSequentiallyAsync(typed);
        await page.Locator(".mud-popover-open").GetByText(pick).First.ClickAsync();
        await Assertions.Expect(page.Field(testId)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(pick)));
    }
}
