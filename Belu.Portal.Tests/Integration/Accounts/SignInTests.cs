using System.Net;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Accounts;

public class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnAnonymousVisitorIsSentToTheLoginPage()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.GetAsync("/organisasi/pegawai");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk", response.Headers.Location!.PathAndQuery);
        Assert.Contains("ReturnUrl=%2Forganisasi%2Fpegawai", response.Headers.Location.Query);
    }

    [Fact]
    public async Task SigningInByUserNameOpensTheHomePageWithTheUsersUnit()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("pegawai");
        var home = await client.GetStringAsync("/");
        Assert.Contains("Bidang Aplikasi Informatika", home);
        Assert.Contains("data-testid=\"greeting\"", home);
    }

    [Theory]
    [InlineData("display", null, "/monitor")]
    [InlineData("display", "/", "/monitor")]
    [InlineData("pegawai", null, "/")]
    [InlineData("admin", null, "/")]
    [InlineData("display", "/monitor?panel=surat", "/monitor?panel=surat")]
    public async Task TheDisplayAccountLandsOnTheBoardAndPeopleOnBeranda(string user, string? returnUrl, string landing)
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostLoginAsync(user, PortalFactory.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(landing, response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task EveryDemoAccountTheConsoleListsCanSignInWithItsRole()
    {
        var accounts = Belu.Portal.Data.Seed.DemoBanner.ListAccounts(factory.Services);
        Assert.Contains(accounts, a => a.UserName == "kabid.aptika");
        Assert.Equal(accounts.Count, accounts.Select(a => a.UserName).Distinct().Count());
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var account in accounts)
        {
            var client = factory.CreateBrowserLikeClient();
            await client.SignInAsync(account.UserName);
            var user = await users.FindByNameAsync(account.UserName);
            Assert.True(await users.IsInRoleAsync(user!, account.Role), $"{account.UserName} lacks {account.Role}");
        }
    }

    [Fact]
    public async Task SigningInByNipWorksToo()
    {
        await using var db = factory.CreateDbContext();
        var nip = await db.Users.Where(u => u.UserName == "pimpinan").Select(u => u.Employee!.Nip).SingleAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(nip!);
        Assert.Contains("Kepala Dinas Komunikasi dan Informatika", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task AWrongPasswordGetsAClearMessageAndNoCookie()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostLoginAsync("agendaris", "salah-sandi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignInService.WrongCredentialsMessage, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownUserGetsTheSameMessageAsAWrongPassword()
    {
        var response = await factory.CreateBrowserLikeClient().PostLoginAsync("tidak-ada", "apa saja");
        Assert.Contains(SignInService.WrongCredentialsMessage, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FiveWrongPasswordsMakeThatAddressWaitEvenWithTheRightPassword()
    {
        await factory.CreateStaffAccountAsync("korban.kunci", [Roles.Pegawai]);
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains(SignInService.WrongCredentialsMessage, await (await client.PostLoginAsync("korban.kunci", "Salah#12345")).Content.ReadAsStringAsync());
        }
        var fifth = await (await client.PostLoginAsync("korban.kunci", "Salah#12345")).Content.ReadAsStringAsync();
        Assert.Contains("Terlalu banyak percobaan masuk yang gagal", fifth);

        var rightPassword = await client.PostLoginAsync("korban.kunci", PortalFactory.Password);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("Terlalu banyak percobaan masuk yang gagal", await rightPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADeactivatedEmployeeCannotSignIn()
    {
        var (_, employeeId) = await factory.CreateStaffAccountAsync("pensiun.dini", [Roles.Pegawai]);
        await using (var db = factory.CreateDbContext())
        {
            await db.Employees.Where(e => e.Id == employeeId).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false));
        }
        var response = await factory.CreateBrowserLikeClient().PostLoginAsync("pensiun.dini", PortalFactory.Password);
        Assert.Contains(SignInService.InactiveMessage, await response.Content.ReadAsStringAsync());
        var withWrongPassword = await factory.CreateBrowserLikeClient().PostLoginAsync("pensiun.dini", "Salah#12345");
        Assert.DoesNotContain(SignInService.InactiveMessage, await withWrongPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SigningInAndFailingAreAudited()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.PostLoginAsync("display", "Salah#12345");
        await client.SignInAsync("display");
        await using var db = factory.CreateDbContext();
        var entries = await db.AuditEntries.Where(a => a.UserName == "display").Select(a => a.Action).ToListAsync();
        Assert.Contains("login.failed", entries);
        Assert.Contains("login.succeeded", entries);
    }

    [Fact]
    public async Task LoggingOutEndsTheSession()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("agendaris");
        // Every page carries the sign-out form with its token from the first render.
        var home = await client.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(home, "id=\"logout-form\"[^>]*>\\s*<input[^>]*name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var logout = await client.PostAsync("/akun/keluar", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ASignOutPostWithoutTheFormsTokenIsRefusedAndTheSessionStays()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("agendaris");
        var forged = await client.PostAsync("/akun/keluar", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Formulir keluar tidak berasal dari halaman portal ini", await forged.Content.ReadAsStringAsync());
        var wrong = await client.PostAsync("/akun/keluar", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "palsu" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AReturnUrlToAnotherSiteIsIgnored()
    {
        var client = factory.CreateBrowserLikeClient();
        var form = await client.GetStringAsync("/akun/masuk");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/akun/masuk?ReturnUrl=//evil.example/x", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Login"] = "pegawai", ["Input.Password"] = PortalFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }
}
