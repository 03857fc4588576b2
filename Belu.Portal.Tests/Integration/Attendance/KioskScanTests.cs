using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>The office network is 127.0.0.2 alone: a phone "in the office" calls from there, one "outside" from 127.0.0.3.</summary>
public sealed class KioskOfficePortalFactory : FakeClockPortalFactory
{
    public const string InOffice = "127.0.0.2";

    public const string Outside = "127.0.0.3";

    public KioskOfficePortalFactory() => WithSetting("Attendance:OfficeNetworks:0", InOffice + "/32");
}

/// <summary>
/// <c>POST /api/absensi/qr</c>, the kiosk scan over HTTP (the page <c>/absensi/qr/{code}</c> runs the same use case):
/// a code belongs to the screen that showed it, serves only the employees of that screen's OPD, only from the office
/// network, and an early check-out is asked before it is stored.
/// </summary>
public class KioskScanTests(KioskOfficePortalFactory factory) : IClassFixture<KioskOfficePortalFactory>
{
    private const string Path = "/api/absensi/qr";

    /// <summary>
    /// Signs the user in on a phone calling from <paramref name="address"/>, on a day without punches yet (the demo
    /// history gives most demo accounts a fingerprint check-in this morning; a scan after it would be a check-out).
    /// </summary>
    private async Task<HttpClient> PhoneAsync(string userName, string address)
    {
        var employee = await factory.EmployeeIdOfAsync(userName);
        var (start, _) = factory.Services.GetRequiredService<OfficeClock>().DayBoundsUtc(FakeClock.StartDay);
        await using (var db = factory.CreateDbContext())
        {
            await db.Punches.Where(p => p.EmployeeId == employee && p.AtUtc >= start).ExecuteDeleteAsync();
        }
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        await client.SignInAsync(userName);
        return client;
    }

    private static Task<HttpResponseMessage> ScanAsync(HttpClient phone, string code, bool confirm = false) =>
        phone.PostAsJsonAsync(Path, new { code, confirmEarlyLeave = confirm });

    private async Task<List<Punch>> TodaysPunchesAsync(string userName)
    {
        var employee = await factory.EmployeeIdOfAsync(userName);
        var (start, _) = factory.Services.GetRequiredService<OfficeClock>().DayBoundsUtc(FakeClock.StartDay);
        return (await factory.PunchesOfAsync(employee)).Where(p => p.AtUtc >= start).ToList();
    }

    /// <summary>The OPD of the user's unit, and another OPD.</summary>
    private async Task<(int Own, int Other)> OpdsAsync(string userName)
    {
        var employee = await factory.EmployeeIdOfAsync(userName);
        await using var db = factory.CreateDbContext();
        var tree = await factory.Services.GetRequiredService<OrganizationTreeCache>().GetAsync(db);
        var unit = await db.Employees.Where(e => e.Id == employee).Select(e => e.UnitId).SingleAsync();
        var own = tree.OpdOf(unit)!.Id;
        return (own, tree.All.First(n => n.Kind.IsTopLevel() && n.Id != own).Id);
    }

    /// <summary>A screen signed in by a display token of these OPD: its id and the code it shows now.</summary>
    private async Task<(Guid Token, string Code)> TokenScreenCodeAsync(params int[] opdIds)
    {
        string secret;
        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            secret = await admin.ServiceProvider.GetRequiredService<DisplayTokenService>().CreateAsync("Kiosk " + Guid.NewGuid().ToString("N")[..6], opdIds);
        }
        await using var screen = factory.Services.CreateAsyncScope();
        var token = (await screen.ServiceProvider.GetRequiredService<DisplayTokenService>().RedeemAsync(secret, KioskOfficePortalFactory.InOffice))!;
        screen.ServiceProvider.GetRequiredService<CurrentUser>().Set(DisplayClaims.Create(token), KioskOfficePortalFactory.InOffice);
        return (token.Id, (await screen.ServiceProvider.GetRequiredService<ShowKioskCode>().CurrentAsync("http://portal.test/")).Code);
    }

    private async Task<string> AccountScreenCodeAsync(string userName = "display")
    {
        await using var screen = await factory.ScopeForAsync(userName);
        return (await screen.ServiceProvider.GetRequiredService<ShowKioskCode>().CurrentAsync("http://portal.test/")).Code;
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Fact]
    public async Task AnOpdScreensCodeIsRefusedToEmployeesOfOtherOpdsAndRecordsNothing()
    {
        var (own, other) = await OpdsAsync("agendaris");
        var phone = await PhoneAsync("agendaris", KioskOfficePortalFactory.InOffice);

        var (_, foreign) = await TokenScreenCodeAsync(other);
        var refused = await ScanAsync(phone, foreign);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var message = await ErrorOfAsync(refused);
        Assert.Contains("Kode QR ini hanya untuk pegawai", message);
        Assert.Contains("tidak dicatat", message);
        Assert.Empty(await TodaysPunchesAsync("agendaris"));

        var (_, home) = await TokenScreenCodeAsync(own);
        var accepted = await ScanAsync(phone, home);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(PunchSource.Kiosk, Assert.Single(await TodaysPunchesAsync("agendaris")).Source);
    }

    [Fact]
    public async Task AScanFromOutsideTheOfficeNetworkIsRefusedAndTheCodeStaysUnused()
    {
        var code = await AccountScreenCodeAsync();
        var outside = await PhoneAsync("pimpinan", KioskOfficePortalFactory.Outside);
        var refused = await ScanAsync(outside, code);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ScanKioskCode.OutsideNetworkMessage, await ErrorOfAsync(refused));
        Assert.Empty(await TodaysPunchesAsync("pimpinan"));

        var inside = await PhoneAsync("pimpinan", KioskOfficePortalFactory.InOffice);
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(inside, code)).StatusCode);
        Assert.Single(await TodaysPunchesAsync("pimpinan"));
    }

    [Fact]
    public async Task ASecondScanBeforeTheEndOfTheDayAsksBeforeItRecordsAnEarlyCheckOut()
    {
        var phone = await PhoneAsync("pegawai", KioskOfficePortalFactory.InOffice);
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(phone, await AccountScreenCodeAsync())).StatusCode);
        Assert.Single(await TodaysPunchesAsync("pegawai"));

        factory.SetLocal(FakeClock.StartDay, 9, 45);
        var code = await AccountScreenCodeAsync();
        var asked = await ScanAsync(phone, code);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(question.GetProperty("needsConfirmation").GetBoolean());
        Assert.False(question.GetProperty("recorded").GetBoolean());
        Assert.StartsWith("Anda akan tercatat pulang lebih awal", question.GetProperty("message").GetString());
        Assert.EndsWith("Lanjutkan?", question.GetProperty("message").GetString());
        Assert.Single(await TodaysPunchesAsync("pegawai"));

        var confirmed = await ScanAsync(phone, code, confirm: true);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var answer = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("recorded").GetBoolean());
        Assert.Equal("09:45", answer.GetProperty("checkOut").GetString());
        Assert.Equal(2, (await TodaysPunchesAsync("pegawai")).Count);
    }

    [Fact]
    public async Task ACodeNamesItsScreenAndOnlyThatScreenStillActiveMakesItCount()
    {
        await using (var staff = await factory.ScopeForAsync("pegawai"))
        {
            var kiosk = staff.ServiceProvider.GetRequiredService<ShowKioskCode>();
            await Assert.ThrowsAsync<ForbiddenException>(() => kiosk.CurrentAsync("http://portal.test/"));
        }
        var (own, _) = await OpdsAsync("admin");
        var (first, firstCode) = await TokenScreenCodeAsync(own);
        var (second, _) = await TokenScreenCodeAsync(own);
        Assert.StartsWith("t" + first.ToString("N") + ".", firstCode);

        var phone = await PhoneAsync("admin", KioskOfficePortalFactory.InOffice);
        // The screen is signed into the code: naming another screen breaks the signature.
        var moved = await ScanAsync(phone, "t" + second.ToString("N") + firstCode[firstCode.IndexOf('.')..]);
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Contains("tidak sah", await ErrorOfAsync(moved));

        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<DisplayTokenService>().RevokeAsync(first);
        }
        var revoked = await ScanAsync(phone, firstCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.Equal(ScanKioskCode.ScreenGoneMessage, await ErrorOfAsync(revoked));
        Assert.Empty(await TodaysPunchesAsync("admin"));
    }
}
