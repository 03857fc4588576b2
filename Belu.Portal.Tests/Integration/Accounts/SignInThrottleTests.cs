using System.Net;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Accounts.SignInThrottling;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Accounts;

/// <summary>
/// Wrong passwords slow down the address they come from, for that account only: a stranger at 127.0.0.2 who fails at
/// an account never keeps its holder at 127.0.0.3 out.
/// </summary>
public class SignInThrottleTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private const string Attacker = "127.0.0.2";
    private const string Holder = "127.0.0.3";
    private const string WrongPassword = "Salah#12345";

    private HttpClient From(string address)
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        return client;
    }

    private static async Task<string> FailAsync(HttpClient client, string login) =>
        await (await client.PostLoginAsync(login, WrongPassword)).Content.ReadAsStringAsync();

    [Fact]
    public async Task AStrangerFailingTwentyTimesDoesNotStopTheHolderAtAnotherAddress()
    {
        await factory.CreateStaffAccountAsync("sasaran.satu", [Roles.Pimpinan]);
        var attacker = From(Attacker);
        for (var i = 0; i < 20; i++)
        {
            await FailAsync(attacker, "sasaran.satu");
        }

        var holder = From(Holder);
        var response = await holder.PostLoginAsync("sasaran.satu", PortalFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task TheFailingAddressWaitsLongerWithEachFailureAndIsToldHowLong()
    {
        await factory.CreateStaffAccountAsync("sasaran.dua", [Roles.Pegawai]);
        var attacker = From(Attacker);
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains(SignInService.WrongCredentialsMessage, await FailAsync(attacker, "sasaran.dua"));
        }
        Assert.Contains("Tunggu 1 menit lalu coba lagi", await FailAsync(attacker, "sasaran.dua"));

        // Even the right password waits: otherwise the wait would slow no one's guessing.
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var early = await attacker.PostLoginAsync("sasaran.dua", PortalFactory.Password);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Tunggu 30 detik lalu coba lagi", await early.Content.ReadAsStringAsync());

        factory.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Contains("Tunggu 2 menit lalu coba lagi", await FailAsync(attacker, "sasaran.dua"));
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("Tunggu 4 menit lalu coba lagi", await FailAsync(attacker, "sasaran.dua"));

        factory.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.PostLoginAsync("sasaran.dua", PortalFactory.Password)).StatusCode);
        // A right password ends the run: the next mistake is an ordinary one again.
        Assert.Contains(SignInService.WrongCredentialsMessage, await FailAsync(From(Attacker), "sasaran.dua"));
    }

    [Fact]
    public async Task TheWaitIsAuditedWithTheAddress()
    {
        var (userId, _) = await factory.CreateStaffAccountAsync("sasaran.tiga", [Roles.Pegawai]);
        var attacker = From(Attacker);
        for (var i = 0; i < 7; i++)
        {
            await FailAsync(attacker, "sasaran.tiga");
        }
        await using var db = factory.CreateDbContext();
        var entries = await db.AuditEntries.Where(a => a.UserId == userId).ToListAsync();
        Assert.Equal(5, entries.Count(a => a.Action == "login.failed"));
        var delayed = entries.Where(a => a.Action == "login.delayed").ToList();
        Assert.Equal(2, delayed.Count);
        Assert.All(delayed, a => Assert.Equal(Attacker, a.IpAddress));
        Assert.All(delayed, a => Assert.Contains(Attacker, a.Detail));
    }

    [Fact]
    public async Task AnAdminUnlockClearsTheWaitAndIsAudited()
    {
        var (userId, _) = await factory.CreateStaffAccountAsync("sasaran.empat", [Roles.Pegawai]);
        var attacker = From(Attacker);
        for (var i = 0; i < 5; i++)
        {
            await FailAsync(attacker, "sasaran.empat");
        }
        await using (var scope = await factory.ScopeForAsync("admin"))
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var row = (await accounts.SearchAsync("sasaran.empat", 0, 10)).Items.Single();
            Assert.Equal(factory.Time.GetUtcNow() + TimeSpan.FromMinutes(1), row.LockedUntil);
            await accounts.UnlockAsync(userId);
            Assert.Null((await accounts.SearchAsync("sasaran.empat", 0, 10)).Items.Single().LockedUntil);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await attacker.PostLoginAsync("sasaran.empat", PortalFactory.Password)).StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "account.unlocked" && a.Subject == "sasaran.empat" && a.UserName == "admin"));
    }

    [Fact]
    public async Task OnlyAnAdminMayUnlock()
    {
        var (userId, _) = await factory.CreateStaffAccountAsync("sasaran.lima", [Roles.Pegawai]);
        var attacker = From(Attacker);
        for (var i = 0; i < 5; i++)
        {
            await FailAsync(attacker, "sasaran.lima");
        }
        await using var scope = await factory.ScopeForAsync("pimpinan");
        await Assert.ThrowsAsync<Belu.Portal.Common.ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<AccountService>().UnlockAsync(userId));
        Assert.Contains("Tunggu", await FailAsync(attacker, "sasaran.lima"));
    }

    [Fact]
    public async Task TheHolderIsToldOnceOfTheAddressAndNoBoardHearsOfIt()
    {
        var (userId, _) = await factory.CreateStaffAccountAsync("sasaran.enam", [Roles.Pegawai]);
        var attacker = From(Attacker);
        for (var i = 0; i < 5; i++)
        {
            await FailAsync(attacker, "sasaran.enam");
        }
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await FailAsync(attacker, "sasaran.enam");

        await using var db = factory.CreateDbContext();
        var notices = await db.Notifications.Where(n => n.UserId == userId && n.Kind == nameof(RepeatedSignInFailuresEvent)).ToListAsync();
        var notice = Assert.Single(notices);
        Assert.Contains("5 kali percobaan masuk", notice.Text);
        Assert.Contains(Attacker, notice.Text);
        Assert.False(await db.RecentEvents.AnyAsync(e => e.Kind == nameof(RepeatedSignInFailuresEvent)));
        Assert.False(await db.OutboxEvents.AnyAsync(o => o.Payload.Contains(nameof(RepeatedSignInFailuresEvent))));
    }

    [Fact]
    public async Task AnUnknownNameIsSlowedDownAlikeSoTheWaitTellsNothing()
    {
        await factory.CreateStaffAccountAsync("sasaran.tujuh", [Roles.Pegawai]);
        var attacker = From(Attacker);
        string known = "", unknown = "";
        for (var i = 0; i < 5; i++)
        {
            known = await FailAsync(attacker, "sasaran.tujuh");
            unknown = await FailAsync(attacker, "tidak.ada.sama.sekali");
        }
        Assert.Contains(SignInService.DelayedMessage(TimeSpan.FromMinutes(1)), known);
        Assert.Contains(SignInService.DelayedMessage(TimeSpan.FromMinutes(1)), unknown);
    }
}
