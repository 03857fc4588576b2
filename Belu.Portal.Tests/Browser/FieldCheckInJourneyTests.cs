using Belu.Portal.Features.Attendance.Field;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Belu.Portal.Tests.Integration.Attendance.Field;
using Belu.Portal.Tests.Integration.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>
/// A portal of its own on the fake clock (07:45 WITA) and a Chromium with a fake camera: its media flags answer
/// getUserMedia with a generated picture and grant it without asking. The location is the browser context's.
/// </summary>
public sealed class FieldBrowserFixture : PortalBrowserFixture<FakeClockKestrelPortalFactory>
{
    protected override IEnumerable<string> ExtraArguments => ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"];

    /// <summary>A signed-in page whose browser reports <paramref name="at"/> as its location.</summary>
    public Task<IPage> SignedInAsync(string user, int width, int height, Features.Attendance.Field.Domain.GeoPoint at, double accuracy = 15) =>
        SignedInAsync(user, width, height, options =>
        {
            options.Permissions = ["geolocation", "camera"];
            options.Geolocation = new Geolocation { Latitude = (float)at.Latitude, Longitude = (float)at.Longitude, Accuracy = (float)accuracy };
        });
}

[Trait("Category", "Browser")]
public sealed class FieldCheckInJourneyTests(FieldBrowserFixture fixture) : IClassFixture<FieldBrowserFixture>
{
    private static async Task ReadyAsync(IPage page)
    {
        await page.GotoAsync("/absensi/lapangan");
        await page.WaitForCircuitAsync();
        // Enabled once the page has asked the browser whether it is a secure context.
        await page.Locator("[data-testid=field-punch]:not([disabled])").WaitForAsync();
    }

    [Fact]
    public async Task AFieldCheckInInsideTheRadiusWithAPhotoIsReviewedAndRejectedByTheSuperior()
    {
        var employee = await fixture.Portal.FieldEmployeeAsync("pegawai");
        var phone = await fixture.SignedInAsync("pegawai", 390, 844, FieldTestData.North(FieldTestData.Office, 40));
        await ReadyAsync(phone);
        await Assertions.Expect(phone.Locator("[data-testid=field-areas]")).ToContainTextAsync("Kantor Bupati Belu");
        await phone.ClickAsync("[data-testid=field-camera-start]");
        await phone.Locator("[data-testid=field-video]").WaitForAsync();
        await phone.WaitForFunctionAsync("() => document.querySelector('[data-testid=field-video]').videoWidth > 0");
        await phone.ClickAsync("[data-testid=field-capture]");
        await phone.Locator("[data-testid=field-preview]").WaitForAsync();
        await phone.ScreenshotAsync("absen-lapangan-foto-phone");
        await phone.ClickAsync("[data-testid=field-punch]");
        var result = phone.Locator("[data-testid=field-result]");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-state", "recorded");
        await Assertions.Expect(result).ToContainTextAsync("Absen lapangan tercatat di Kantor Bupati Belu");
        await Assertions.Expect(phone.Locator("[data-testid=field-punches]")).ToContainTextAsync("Tercatat");
        await phone.ScreenshotAsync("absen-lapangan-phone");

        await using (var db = fixture.Portal.CreateDbContext())
        {
            var field = await db.Set<FieldPunch>().SingleAsync(f => f.EmployeeId == employee);
            Assert.NotNull(field.PhotoKey);
            Assert.Equal(15, field.AccuracyMetres, 1);
        }

        foreach (var (width, height, shot) in new[] { (1366, 768, "absen-lapangan-tinjau"), (390, 844, "absen-lapangan-tinjau-phone") })
        {
            var superior = await fixture.SignedInAsync("kabid.aptika", width, height, FieldTestData.Office);
            await superior.GotoAsync("/absensi/lapangan/tinjau");
            await superior.WaitForCircuitAsync();
            var list = superior.Locator("[data-testid=field-review-list]");
            await Assertions.Expect(list).ToContainTextAsync("Kantor Bupati Belu");
            var photo = list.Locator("[data-testid=field-photo]").First;
            await photo.WaitForAsync();
            await superior.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=field-photo]'); return i && i.complete && i.naturalWidth > 0; }");
            await Assertions.Expect(list.Locator("[data-testid=field-map]").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("openstreetmap.org/\\?mlat=-9\\.106"));
            await superior.ScreenshotAsync(shot);
        }

        var reviewer = await fixture.SignedInAsync("kabid.aptika", 1366, 768, FieldTestData.Office);
        await reviewer.GotoAsync("/absensi/lapangan/tinjau");
        await reviewer.WaitForCircuitAsync();
        await reviewer.ClickAsync("[data-testid=field-reject]");
        await reviewer.Field("field-reject-reason").FillAsync("Foto tidak menunjukkan lokasi kerja");
        await reviewer.ClickAsync("[data-testid=field-reject-confirm]");
        await Assertions.Expect(reviewer.Locator("[data-testid=field-review]").First).ToContainTextAsync("Ditolak: Foto tidak menunjukkan lokasi kerja");
        await using var check = fixture.Portal.CreateDbContext();
        Assert.True((await check.Punches.SingleAsync(p => p.EmployeeId == employee && p.AtUtc >= FakeClock.Start.UtcDateTime.AddHours(-8))).Withheld);
    }

    [Fact]
    public async Task WhileTheKadisIsAwayHisPlhAcceptsAFlaggedFieldPunchInHisName()
    {
        // A Kabid checks in with a fix that looks forged; his superior, the Kadis, is away and the Kabid Sandi is his Plh.
        var employee = await fixture.Portal.FieldEmployeeAsync("kabid.ikp");
        await fixture.Portal.EnsureAppointedAsync("pimpinan", "kabid.sandi");
        await using (var scope = await fixture.Portal.ScopeForAsync("kabid.ikp"))
        {
            var at = FieldTestData.North(FieldTestData.Office, 35);
            var flagged = await scope.ServiceProvider.GetRequiredService<RecordFieldPunch>().RecordAsync(new FieldFix(at.Latitude, at.Longitude, 0));
            Assert.Equal(FieldReview.Menunggu, flagged.Review);
        }
        string name;
        await using (var db = fixture.Portal.CreateDbContext())
        {
            name = await db.Employees.Where(e => e.Id == employee).Select(e => e.Name).SingleAsync();
        }

        var plh = await fixture.SignedInAsync("kabid.sandi", 1366, 768, FieldTestData.Office);
        await plh.GotoAsync("/absensi/lapangan/tinjau");
        await plh.WaitForCircuitAsync();
        var row = plh.Locator("[data-testid=field-review-list] tbody tr", new() { HasText = name });
        await Assertions.Expect(row.Locator("[data-testid=field-review]")).ToContainTextAsync("Menunggu tinjauan");
        await Assertions.Expect(row.Locator("[data-testid=field-flag]")).ToContainTextAsync("Akurasi 0");
        await row.Locator("[data-testid=field-accept]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=field-review]")).ToContainTextAsync("Diterima atasan");
        await Assertions.Expect(row.Locator("[data-testid=field-reviewed-by]")).ToContainTextAsync("(Plh. Kepala Dinas");
        await plh.ScreenshotAsync("absen-lapangan-tinjau-plh");

        var phone = await fixture.SignedInAsync("kabid.sandi", 390, 844, FieldTestData.Office);
        await phone.GotoAsync("/absensi/lapangan/tinjau");
        await phone.WaitForCircuitAsync();
        await Assertions.Expect(phone.Locator("[data-testid=field-review-list] tbody tr", new() { HasText = name }).Locator("[data-testid=field-reviewed-by]"))
            .ToContainTextAsync("Plh. Kepala Dinas");
        await phone.ScreenshotAsync("absen-lapangan-tinjau-plh-phone");
    }

    [Fact]
    public async Task AFieldCheckInOutsideEveryAreaIsRefusedAndNothingIsStored()
    {
        var employee = await fixture.Portal.FieldEmployeeAsync("kabid.ikp");
        var page = await fixture.SignedInAsync("kabid.ikp", 1366, 768, FieldTestData.North(FieldTestData.Office, 3000));
        await ReadyAsync(page);
        await page.ScreenshotAsync("absen-lapangan");
        await page.ClickAsync("[data-testid=field-punch]");
        var result = page.Locator("[data-testid=field-result]");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-state", "refused");
        await Assertions.Expect(result).ToContainTextAsync("di luar area absen yang diizinkan: 3,0 km dari Kantor Bupati Belu");
        await page.ScreenshotAsync("absen-lapangan-ditolak");
        await using var db = fixture.Portal.CreateDbContext();
        Assert.False(await db.Punches.AnyAsync(p => p.EmployeeId == employee && p.AtUtc >= FakeClock.Start.UtcDateTime.AddHours(-8)));
    }

    [Fact]
    public async Task OverPlainHttpThePageSaysLocationNeedsHttps()
    {
        await fixture.Portal.FieldEmployeeAsync("kabid.sandi");
        var page = await fixture.SignedInAsync("kabid.sandi", 390, 844, FieldTestData.Office);
        // What a browser reports on http://10.x.x.x: not a secure context.
        await page.AddInitScriptAsync("Object.defineProperty(window, 'isSecureContext', { get: () => false });");
        await page.GotoAsync("/absensi/lapangan");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=field-insecure]")).ToContainTextAsync("bukan HTTPS");
        await Assertions.Expect(page.Locator("[data-testid=field-punch]")).ToBeDisabledAsync();
        await page.ScreenshotAsync("absen-lapangan-http-phone");
    }

    [Theory]
    [InlineData(1366, 768, "absen-lapangan-pengaturan")]
    [InlineData(390, 844, "absen-lapangan-pengaturan-phone")]
    public async Task TheAdminAddsAnOfficeSiteByPastingItsCoordinates(int width, int height, string shot)
    {
        var page = await fixture.SignedInAsync("admin", width, height, FieldTestData.Office);
        await page.GotoAsync("/admin/absensi/lapangan");
        await page.WaitForCircuitAsync();
        var name = $"Kantor Camat Tasifeto Barat {width}";
        await page.Field("site-name").FillAsync(name);
        await page.Field("site-coordinates").FillAsync("-9.0721, 124.8403");
        await page.Field("site-radius").FillAsync("150");
        await page.ClickAsync("[data-testid=site-save]");
        var sites = page.Locator("[data-testid=field-sites]");
        await Assertions.Expect(sites).ToContainTextAsync(name);
        await Assertions.Expect(sites).ToContainTextAsync("-9.072100, 124.840300");
        await page.ScreenshotAsync(shot);
    }

    [Theory]
    [InlineData("kabid.ikp", 1366, 768, "permohonan-dl-tujuan")]
    [InlineData("sekretaris", 390, 844, "permohonan-dl-tujuan-phone")]
    public async Task TheEmployeeSetsHisDutyDestinationOnTheRequestPage(string user, int width, int height, string shot)
    {
        var request = new Features.Attendance.AttendanceRequest
        {
            EmployeeId = await fixture.Portal.EmployeeIdOfAsync(user), Kind = Features.Attendance.Domain.RequestKind.DL,
            From = FakeClock.StartDay, To = FakeClock.StartDay.AddDays(1), Reason = "Sosialisasi aplikasi di kecamatan",
            Status = Features.Attendance.RequestStatus.Disetujui, CreatedUtc = FakeClock.Start.UtcDateTime,
        };
        await using (var db = fixture.Portal.CreateDbContext())
        {
            db.AttendanceRequests.Add(request);
            await db.SaveChangesAsync();
        }
        var page = await fixture.SignedInAsync(user, width, height, FieldTestData.Office);
        await page.GotoAsync($"/absensi/permohonan/{request.Id}");
        await page.WaitForCircuitAsync();
        var panel = page.Locator("[data-testid=duty-destination]");
        await Assertions.Expect(panel.Locator("[data-testid=duty-destination-current]")).ToContainTextAsync("Belum diisi");
        await panel.Locator("input").Nth(0).FillAsync("Kantor Camat Lamaknen");
        await panel.Locator("input").Nth(1).FillAsync("-8.9580, 125.0440");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Simpan tujuan" }).ClickAsync();
        await Assertions.Expect(panel.Locator("[data-testid=duty-destination-current]")).ToContainTextAsync("Kantor Camat Lamaknen — -8.958000, 125.044000, radius 500 m");
        await page.ScreenshotAsync(shot);
    }
}
