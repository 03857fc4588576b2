using System.Net;
using System.Threading.Channels;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>A new request reaches its approver (and only him) through the bell and the hub, with a link to decide it.</summary>
public class RequestNoticeTests(FakeClockKestrelPortalFactory factory) : IClassFixture<FakeClockKestrelPortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<CookieContainer> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(factory.BaseUrl) };
        await client.SignInAsync(userName);
        return cookies;
    }

    private async Task<(HubConnection Connection, Channel<LiveNotification> Inbox)> ConnectAsync(CookieContainer cookies)
    {
        var inbox = Channel.CreateUnbounded<LiveNotification>();
        var connection = new HubConnectionBuilder().WithUrl(factory.BaseUrl + "/hubs/notifications", o => o.Cookies = cookies).Build();
        connection.On<LiveNotification>("notification", m => inbox.Writer.TryWrite(m));
        await connection.StartSubscribedAsync();
        return (connection, inbox);
    }

    private async Task<string> PageAsync(CookieContainer cookies, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(factory.BaseUrl) };
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task SubmittingARequestNotifiesTheApproverOnHisConnectionAndOpeningItClearsTheNotification()
    {
        var approverCookies = await SignInAsync("kabid.aptika");
        var otherCookies = await SignInAsync("agendaris");
        var (approverHub, approverInbox) = await ConnectAsync(approverCookies);
        var (otherHub, otherInbox) = await ConnectAsync(otherCookies);
        await using var approverConnection = approverHub;
        await using var otherConnection = otherHub;

        var day = FakeClock.StartDay.AddDays(10);
        Guid id;
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            id = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
                new RequestInput { Kind = Features.Attendance.Domain.RequestKind.I, From = day, To = day, Reason = "Mengurus akta kelahiran anak." }, null);
        }

        var live = await approverInbox.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(nameof(RequestSubmittedEvent), live.Kind);
        Assert.Equal($"/absensi/permohonan/{id}", live.Link);
        Assert.Contains("menunggu keputusan Anda", live.Text);
        // Messages on one connection arrive in order: the first the agendaris hears must be the one meant for him.
        await factory.Services.GetRequiredService<IPortalNotifier>().PublishAsync(
            new TestEvent("Untuk agendaris") { RecipientEmployeeIds = [await factory.EmployeeIdOfAsync("agendaris")] });
        Assert.Equal("Untuk agendaris", (await otherInbox.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Text);

        await using (var db = factory.CreateDbContext())
        {
            var stored = await db.Notifications.Where(n => n.Link == live.Link).Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.ReadAtUtc }).ToListAsync();
            Assert.Equal("kabid.aptika", Assert.Single(stored).UserName);
            Assert.Null(stored[0].ReadAtUtc);
            Assert.False(await db.OutboxEvents.AnyAsync(e => e.Id == live.EventId));
        }

        // The approver's home page counts what waits for him; the agendaris's counts nothing.
        var home = await PageAsync(approverCookies, "/");
        Assert.Matches("data-count=\"[1-9][0-9]*\"[^>]*>[0-9]+ permohonan menunggu keputusan Anda", home);
        Assert.DoesNotContain("menunggu keputusan Anda", await PageAsync(otherCookies, "/"));

        // The link opens the request for its approver, with the buttons to decide; nobody else sees it.
        var page = await PageAsync(approverCookies, live.Link!);
        Assert.Contains("Mengurus akta kelahiran anak.", page);
        Assert.Contains("request-approve", page);
        var refused = await PageAsync(otherCookies, live.Link!);
        Assert.DoesNotContain("Mengurus akta kelahiran anak.", refused);
        Assert.Contains("Permohonan tidak ditemukan.", refused);

        // Opening the page answers the notification, the way the bell does for a disposition's letter.
        await using (var scope = await factory.ScopeForAsync("kabid.aptika"))
        {
            var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
            Assert.Equal(1, await notifications.MarkLinkReadAsync(live.Link!));
            Assert.DoesNotContain((await notifications.ListAsync(true, 0, 100)).Items, n => n.Link == live.Link);
        }
    }

    [Fact]
    public async Task DecidingARequestFromTheListAnswersTheApproversNoticeAboutIt()
    {
        var day = FakeClock.StartDay.AddDays(12);
        Guid id;
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            id = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(
                new RequestInput { Kind = Features.Attendance.Domain.RequestKind.I, From = day, To = day, Reason = "Menghadiri wisuda anak di Kupang." }, null);
        }
        var link = RequestLinks.Decide(id);
        await WaitUntilAsync(async () =>
        {
            await using var db = factory.CreateDbContext();
            return await db.Notifications.AnyAsync(n => n.Link == link);
        });

        // The approver decides from /absensi/permohonan, without ever opening the request's own page.
        await using (var scope = await factory.ScopeForAsync("kabid.aptika"))
        {
            var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
            var row = Assert.Single(await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListToDecideAsync(), r => r.Id == id);
            Assert.Contains((await notifications.ListAsync(true, 0, 100)).Items, n => n.Link == link);
            await scope.ServiceProvider.GetRequiredService<DecideRequest>().DecideAsync(id, approve: true, note: null, row.Version);
            Assert.DoesNotContain((await notifications.ListAsync(true, 0, 100)).Items, n => n.Link == link);
        }

        await using (var db = factory.CreateDbContext())
        {
            var approverUser = await db.Users.Where(u => u.UserName == "kabid.aptika").Select(u => u.Id).SingleAsync();
            var notice = await db.Notifications.SingleAsync(n => n.Link == link && n.UserId == approverUser);
            Assert.NotNull(notice.ReadAtUtc);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
