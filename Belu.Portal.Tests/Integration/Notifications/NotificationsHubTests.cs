using System.Net;
using System.Threading.Channels;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Notifications;

/// <summary>The hub with the real SignalR .NET client against the portal on a real port.</summary>
public class NotificationsHubTests(KestrelPortalFactory factory) : IClassFixture<KestrelPortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<CookieContainer> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(factory.BaseUrl) };
        await client.SignInAsync(userName);
        return cookies;
    }

    private async Task<(HubConnection Connection, Channel<T> Received)> ConnectAsync<T>(CookieContainer cookies, string method)
    {
        var received = Channel.CreateUnbounded<T>();
        var connection = new HubConnectionBuilder()
            .WithUrl(factory.BaseUrl + "/hubs/notifications", o => o.Cookies = cookies)
            .Build();
        connection.On<T>(method, m => received.Writer.TryWrite(m));
        await connection.StartSubscribedAsync();
        return (connection, received);
    }

    private async Task<int> EmployeeIdAsync(string userName)
    {
        await using var db = factory.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.EmployeeId!.Value).SingleAsync();
    }

    [Fact]
    public async Task ANotificationReachesExactlyItsRecipientsConnections()
    {
        var (pegawai, pegawaiInbox) = await ConnectAsync<LiveNotification>(await SignInAsync("pegawai"), "notification");
        var (agendaris, agendarisInbox) = await ConnectAsync<LiveNotification>(await SignInAsync("agendaris"), "notification");
        await using var pegawaiConnection = pegawai;
        await using var agendarisConnection = agendaris;
        var notifier = factory.Services.GetRequiredService<IPortalNotifier>();

        await notifier.PublishAsync(new TestEvent("Untuk pegawai saja") { RecipientEmployeeIds = [await EmployeeIdAsync("pegawai")] });
        await notifier.PublishAsync(new TestEvent("Untuk agendaris") { RecipientEmployeeIds = [await EmployeeIdAsync("agendaris")] });

        Assert.Equal("Untuk pegawai saja", (await pegawaiInbox.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Text);
        // Messages on one connection arrive in order: the first one the agendaris sees must be their own.
        Assert.Equal("Untuk agendaris", (await agendarisInbox.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Text);
        Assert.False(pegawaiInbox.Reader.TryRead(out var extra), extra?.Text);
    }

    [Fact]
    public async Task AnUnauthenticatedConnectionIsRefused()
    {
        var connection = new HubConnectionBuilder().WithUrl(factory.BaseUrl + "/hubs/notifications").Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task ABoardSignedInByTokenHearsItsOpdOnlyAndGoesBlankWhenRevoked()
    {
        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var kominfoBidang = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO-03");
        var dinkesBidang = await db.Units.SingleAsync(u => u.Code == "DINKES-02");

        string secret;
        Guid tokenId;
        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            var tokens = admin.ServiceProvider.GetRequiredService<DisplayTokenService>();
            secret = await tokens.CreateAsync("Layar Uji Kominfo", [kominfo.Id]);
            tokenId = (await tokens.ListAsync()).Single(t => t.Name == "Layar Uji Kominfo").Id;
        }

        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(factory.BaseUrl) };
        var signIn = await browser.PostDisplaySignInAsync(secret);
        Assert.Equal("/monitor", signIn.Headers.Location!.OriginalString);

        var (board, events) = await ConnectAsync<BoardEvent>(cookies, "event");
        await using var boardConnection = board;
        var notifier = factory.Services.GetRequiredService<IPortalNotifier>();
        await notifier.PublishAsync(new TestEvent("Kejadian di Dinkes") { UnitId = dinkesBidang.Id });
        await notifier.PublishAsync(new TestEvent("Kejadian di Kominfo") { UnitId = kominfoBidang.Id });
        var first = await events.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("Kejadian di Kominfo", first.Text);
        Assert.Equal(kominfo.Id, first.OpdId);

        await using (var admin = await factory.ScopeForAsync("admin"))
        {
            await admin.ServiceProvider.GetRequiredService<DisplayTokenService>().RevokeAsync(tokenId);
        }
        var again = new HubConnectionBuilder().WithUrl(factory.BaseUrl + "/hubs/notifications", o => o.Cookies = cookies).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AForgedTokenSignsNothingIn()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(factory.BaseUrl) };
        var response = await browser.PostDisplaySignInAsync("bukan-token-yang-sah");
        Assert.Contains("token-tidak-berlaku", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(cookies.GetCookies(new Uri(factory.BaseUrl)), c => c.Name == "belu.auth");
    }

    [Fact]
    public async Task AClientCannotJoinAnotherUsersGroup()
    {
        var (connection, inbox) = await ConnectAsync<LiveNotification>(await SignInAsync("pegawai"), "notification");
        await using var pegawai = connection;
        await using var db = factory.CreateDbContext();
        var other = await db.Users.Where(u => u.UserName == "agendaris").Select(u => u.Id).SingleAsync();

        // The hub offers no way to join a group: every such call is refused by the server.
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("JoinGroup", NotificationsHub.UserGroup(other)));
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("AddToGroupAsync", connection.ConnectionId, NotificationsHub.UserGroup(other)));

        await factory.Services.GetRequiredService<IPortalNotifier>()
            .PublishAsync(new TestEvent("Rahasia agendaris") { RecipientEmployeeIds = [await EmployeeIdAsync("agendaris")] });
        await factory.Services.GetRequiredService<IPortalNotifier>()
            .PublishAsync(new TestEvent("Untuk pegawai") { RecipientEmployeeIds = [await EmployeeIdAsync("pegawai")] });
        Assert.Equal("Untuk pegawai", (await inbox.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Text);
    }
}
