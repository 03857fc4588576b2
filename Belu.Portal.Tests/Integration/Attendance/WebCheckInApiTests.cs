using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary><c>POST /api/absensi/hadir</c>: web check-in over HTTP, with the page's rules.</summary>
public class WebCheckInApiTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private const string Path = "/api/absensi/hadir";

    private static StringContent Json() => new("{}", Encoding.UTF8, "application/json");

    private async Task<List<Punch>> TodaysPunchesAsync(int employeeId) =>
        (await factory.PunchesOfAsync(employeeId)).Where(p => p.AtUtc >= FakeClock.Start.UtcDateTime.AddHours(-8)).ToList();

    [Fact]
    public async Task ASignedInEmployeeChecksInAndTheAnswerSaysSo()
    {
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");

        var response = await client.PostAsync(Path, Json());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("recorded").GetBoolean());
        Assert.Equal("2026-11-27", answer.GetProperty("date").GetString());
        Assert.Equal("TL1", answer.GetProperty("status").GetString());
        Assert.Equal("07:45", answer.GetProperty("checkIn").GetString());
        Assert.Equal(15, answer.GetProperty("lateMinutes").GetInt32());
        Assert.Contains("tercatat pukul 07:45:00", answer.GetProperty("message").GetString());
        var punch = Assert.Single(await TodaysPunchesAsync(pegawai));
        Assert.Equal(PunchSource.Web, punch.Source);

        // Pressed again within the duplicate window: answered, not stored twice, and the answer says so.
        factory.Time.Advance(TimeSpan.FromSeconds(20));
        var again = await (await client.PostAsync(Path, Json())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(again.GetProperty("recorded").GetBoolean());
        Assert.Contains("duplikat", again.GetProperty("message").GetString());
        Assert.Single(await TodaysPunchesAsync(pegawai));
    }

    [Fact]
    public async Task AnonymousCallersAreRefusedAndNothingIsStored()
    {
        await using var before = factory.CreateDbContext();
        var count = await before.Punches.CountAsync();
        var response = await factory.CreateBrowserLikeClient().PostAsync(Path, Json());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var after = factory.CreateDbContext();
        Assert.Equal(count, await after.Punches.CountAsync());
    }

    [Fact]
    public async Task AFormPostFromAnotherSiteIsRefused()
    {
        var agendaris = await factory.EmployeeIdOfAsync("agendaris");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("agendaris");
        var before = (await TodaysPunchesAsync(agendaris)).Count;
        var response = await client.PostAsync(Path, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(before, (await TodaysPunchesAsync(agendaris)).Count);
    }

    [Fact]
    public async Task AnAccountWithoutAnEmployeeRecordIsRefused()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "tanpa.pegawai", DisplayName = "Akun tanpa data pegawai", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, PortalFactory.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Pegawai)).Succeeded);
        }
        await using var before = factory.CreateDbContext();
        var count = await before.Punches.CountAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("tanpa.pegawai");

        var response = await client.PostAsync(Path, Json());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("tidak terhubung dengan data pegawai", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        await using var after = factory.CreateDbContext();
        Assert.Equal(count, await after.Punches.CountAsync());
    }

    [Fact]
    public async Task AnEmployeeDeactivatedAfterSigningInIsRefused()
    {
        var pimpinan = await factory.EmployeeIdOfAsync("pimpinan");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pimpinan");
        var before = (await TodaysPunchesAsync(pimpinan)).Count;
        await using (var db = factory.CreateDbContext())
        {
            await db.Employees.Where(e => e.Id == pimpinan).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false));
        }
        try
        {
            var response = await client.PostAsync(Path, Json());
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(CheckInService.InactiveEmployeeMessage, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
            Assert.Equal(before, (await TodaysPunchesAsync(pimpinan)).Count);
        }
        finally
        {
            await using var db = factory.CreateDbContext();
            await db.Employees.Where(e => e.Id == pimpinan).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, true));
        }
    }

    [Fact]
    public async Task TheDisplayAccountMayNotCheckIn()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("display");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Path, Json())).StatusCode);
    }
}

/// <summary>The office-network limit holds for the HTTP check-in too (the test server's caller is outside 10.20.0.0/16).</summary>
public class WebCheckInApiOfficeNetworkTests(OfficeNetworkPortalFactory factory) : IClassFixture<OfficeNetworkPortalFactory>
{
    [Fact]
    public async Task OutsideTheOfficeNetworksTheAnswerIs403WithTheMessage()
    {
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var response = await client.PostAsync("/api/absensi/hadir", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CheckInService.OutsideNetworkMessage, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.DoesNotContain(await factory.PunchesOfAsync(pegawai), p => p.AtUtc >= FakeClock.Start.UtcDateTime.AddHours(-8));
    }
}
