using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Accounts;

/// <summary>
/// Revoking a display token, deactivating an account, changing its roles or unit, or signing out ends the open hub
/// connections and circuits within 5 s (not at the next minute's check), and nothing more reaches them.
/// </summary>
public class SessionRevocationTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(factory.BaseUrl) };

    private async Task<CookieContainer> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        using var client = Browser(cookies);
        await client.SignInAsync(userName);
        return cookies;
    }

    /// <summary>A hub connection, what it receives, and a task that completes when the server closes it.</summary>
    private async Task<(HubConnection Connection, Channel<string> Received, Task Closed)> ConnectAsync(CookieContainer cookies)
    {
        var received = Channel.CreateUnbounded<string>();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connection = new HubConnectionBuilder()
            .WithUrl(factory.BaseUrl + "/hubs/notifications", o => o.Cookies = cookies)
            .Build();
        connection.On<LiveNotification>("notification", m => received.Writer.TryWrite(m.Text));
        connection.On<BoardEvent>("event", m => received.Writer.TryWrite(m.Text));
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartSubscribedAsync();
        return (connection, received, closed.Task);
    }

    private async Task AssertClosedAndDeafAsync(Task closed, Channel<string> received, Func<Task> publish)
    {
        await closed.WaitAsync(Limit);
        await publish();
        Assert.False(received.Reader.TryRead(out var late), $"delivered after revocation: {late}");
    }

    private async Task PublishToAsync(int employeeId, string text) =>
        await factory.Services.GetRequiredService<IPortalNotifier>().PublishAsync(new TestEvent(text) { RecipientEmployeeIds = [employeeId] });

    [Fact]
    public async Task RevokingADisplayTokenClosesItsHubConnectionWithinFiveSeconds()
    {
        string secret;
        Guid tokenId;
        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            var tokens = admin.ServiceProvider.GetRequiredService<DisplayTokenService>();
            secret = await tokens.CreateAsync("Layar Uji Cabut", []);
            tokenId = (await tokens.ListAsync()).Single(t => t.Name == "Layar Uji Cabut").Id;
        }
        var cookies = new CookieContainer();
        using (var screen = Browser(cookies))
        {
            Assert.Equal("/monitor", (await screen.PostDisplaySignInAsync(secret)).Headers.Location!.OriginalString);
        }
        var (connection, received, closed) = await ConnectAsync(cookies);
        await using var _ = connection;

        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<DisplayTokenService>().RevokeAsync(tokenId);
        }

        await AssertClosedAndDeafAsync(closed, received,
            () => factory.Services.GetRequiredService<IPortalNotifier>().PublishAsync(new TestEvent("Setelah dicabut")));
    }

    [Fact]
    public async Task DeactivatingAnAccountClosesItsHubConnectionWithinFiveSeconds()
    {
        var (userId, employeeId) = await factory.CreateStaffAccountAsync("sesi.nonaktif", [Roles.Pegawai]);
        var (connection, received, closed) = await ConnectAsync(await SignInAsync("sesi.nonaktif"));
        await using var _ = connection;

        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(userId, false);
        }

        await AssertClosedAndDeafAsync(closed, received, () => PublishToAsync(employeeId, "Setelah nonaktif"));
    }

    [Fact]
    public async Task ChangingAnAccountsRolesClosesItsHubConnectionWithinFiveSeconds()
    {
        var (userId, employeeId) = await factory.CreateStaffAccountAsync("sesi.peran", [Roles.Pegawai, Roles.Agendaris]);
        var (connection, received, closed) = await ConnectAsync(await SignInAsync("sesi.peran"));
        await using var _ = connection;

        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<AccountService>().SetRolesAsync(userId, [Roles.Pegawai]);
        }

        await AssertClosedAndDeafAsync(closed, received, () => PublishToAsync(employeeId, "Setelah ganti peran"));
    }

    [Fact]
    public async Task MovingAnEmployeeToAnotherUnitClosesTheirHubConnectionWithinFiveSeconds()
    {
        var (_, employeeId) = await factory.CreateStaffAccountAsync("sesi.mutasi", [Roles.Pegawai]);
        var (connection, received, closed) = await ConnectAsync(await SignInAsync("sesi.mutasi"));
        await using var _ = connection;

        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            var organization = admin.ServiceProvider.GetRequiredService<OrganizationService>();
            var input = await organization.GetEmployeeAsync(employeeId);
            await using var db = factory.CreateDbContext();
            input.UnitId = await db.Units.Where(u => u.Code == "DINKES").Select(u => u.Id).SingleAsync();
            input.SuperiorId = null;
            await admin.ServiceProvider.GetRequiredService<SaveEmployee>().UpdateAsync(employeeId, input);
        }

        await AssertClosedAndDeafAsync(closed, received, () => PublishToAsync(employeeId, "Setelah mutasi"));
    }

    [Fact]
    public async Task DeactivatingAnAccountEndsItsOpenCircuitsAuthenticationWithinFiveSeconds()
    {
        var (userId, _) = await factory.CreateStaffAccountAsync("sesi.sirkuit", [Roles.Pegawai]);
        // A circuit's scope: its authentication state provider holds the user, as after the circuit opened.
        await using var circuit = factory.Services.CreateAsyncScope();
        var users = circuit.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await circuit.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>()
            .CreateAsync((await users.FindByIdAsync(userId))!);
        var provider = (ServerAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var ended = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        provider.AuthenticationStateChanged += async state =>
        {
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                ended.TrySetResult((await state).User);
            }
        };
        var live = factory.Services.GetRequiredService<Belu.Portal.Features.Accounts.Sessions.LiveSessions>();
        await WaitUntilAsync(() => live.OpenCount > 0);

        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(userId, false);
        }

        var after = await ended.Task.WaitAsync(Limit);
        Assert.False(after.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task ACopyOfTheCookieReplayedAfterSignOutIsRefused()
    {
        await factory.CreateStaffAccountAsync("sesi.keluar", [Roles.Pegawai]);
        var cookies = await SignInAsync("sesi.keluar");
        var copy = cookies.GetCookieHeader(new Uri(factory.BaseUrl));
        using (var browser = Browser(cookies))
        {
            var home = await browser.GetStringAsync("/");
            var token = Regex.Match(home, "id=\"logout-form\"[^>]*>\\s*<input[^>]*name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var logout = await browser.PostAsync("/akun/keluar", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(factory.BaseUrl) };
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/");
        replay.Headers.Add("Cookie", copy);
        var response = await thief.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk", response.Headers.Location!.PathAndQuery);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
