using System.Net;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Integration.Attendance;

public class AttendancePagesTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Theory]
    [InlineData("/admin/absensi/jadwal", "Jadwal Kerja")]
    [InlineData("/admin/absensi/libur", "Cuti bersama Kelahiran Yesus Kristus")]
    [InlineData("/admin/absensi/perangkat", "BELU0001DSK")]
    [InlineData("/admin/absensi/impor", "Impor Log Mesin Absensi")]
    [InlineData("/admin/absensi/koreksi", "Koreksi Absensi")]
    [InlineData("/absensi/rekap", "Rekap Absensi Bulanan")]
    [InlineData("/absensi/hari-ini", "Kehadiran Hari Ini")]
    [InlineData("/absensi/disiplin", "Pantauan Disiplin")]
    [InlineData("/absensi/kiosk", "Pindai untuk absen")]
    public async Task AnAdminOpensEveryAttendancePage(string path, string expected)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ALeaderOpensThePageOfAPastDayWithItsLateListDownload()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");

        var past = await (await client.GetAsync("/absensi/hari-ini?tanggal=2026-11-26")).Content.ReadAsStringAsync();
        Assert.Contains("Kehadiran Tanggal Lalu", past);
        Assert.Contains("Kamis, 26 November 2026", past);
        Assert.Contains("date=2026-11-26", past);

        // The future, or something that is not a date, is today (the fake clock's Friday).
        foreach (var path in new[] { "/absensi/hari-ini?tanggal=2026-11-30", "/absensi/hari-ini?tanggal=kemarin" })
        {
            var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.Contains("Kehadiran Hari Ini", html);
            Assert.Contains("Jumat, 27 November 2026", html);
            Assert.DoesNotContain("date=", html);
        }
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("pimpinan", true)]
    [InlineData("pegawai", false)]
    public async Task TheDisciplinePageOffersItsExcelOnlyToThoseWhoSeeMoreThanThemselves(string user, bool offered)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        var html = await (await client.GetAsync("/absensi/disiplin")).Content.ReadAsStringAsync();
        Assert.Contains("Pantauan Disiplin", html);
        Assert.Equal(offered, html.Contains("data-testid=\"discipline-export\"", StringComparison.Ordinal));
        Assert.Equal(offered, html.Contains("/laporan/pantauan-disiplin.xlsx?year=2026", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/absensi", "Absensi")]
    [InlineData("/absensi/permohonan", "Permohonan saya")]
    [InlineData("/absensi/disiplin", "Pantauan Disiplin")]
    public async Task AnEmployeeOpensTheirOwnPages(string path, string expected)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/admin/absensi/jadwal")]
    [InlineData("/admin/absensi/perangkat")]
    [InlineData("/absensi/rekap")]
    [InlineData("/absensi/hari-ini")]
    [InlineData("/absensi/kiosk")]
    public async Task AnEmployeeIsKeptOutOfLeadersAndAdminPages(string path)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
