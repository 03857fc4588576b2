using System.Diagnostics;
using System.Globalization;
using Belu.Portal.Features.Notifications.Channels;
using Belu.Portal.Features.Notifications.Reminders;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Notifications.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace Belu.Portal.Tests.Integration.Notifications.Reminders;

/// <summary>
/// A fake-clock portal with the digest and reminders on, wired to a fake SMTP server, a fake WhatsApp gateway and a
/// fake Telegram Bot API (real servers on loopback ports). A test asks a person to be reached on all three, moves the
/// clock, and waits for the hosted reminder worker to have checked at that time.
/// </summary>
public sealed class ReminderTestBed : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private ReminderTestBed(SimpleSmtpServer smtp, FakeGateway whatsApp, FakeGateway telegram, FakeClockPortalFactory portal) =>
        (Smtp, WhatsApp, Telegram, Portal) = (smtp, whatsApp, telegram, portal);

    public SimpleSmtpServer Smtp { get; }

    public FakeGateway WhatsApp { get; }

    public FakeGateway Telegram { get; }

    public FakeClockPortalFactory Portal { get; }

    public static async Task<ReminderTestBed> StartAsync()
    {
        var smtp = SimpleSmtpServer.Start();
        var whatsApp = await FakeGateway.StartAsync("status");
        var telegram = await FakeGateway.StartAsync("ok");
        var portal = new FakeClockPortalFactory();
        // The daily close of the demo's whole regency on every day the clock crosses is attendance's work, not ours.
        portal.WithSetting("Reminders:Enabled", "true")
            .WithSetting("Attendance:DailyCloseEnabled", "false")
            .WithSetting("Channels:PublicUrl", "https://portal.belukab.go.id")
            // The fake servers always answer; a send that timed out on a loaded machine would be retried at a time the
            // frozen clock never reaches, so the timeout is far above any answer's time here.
            .WithSetting("Channels:TimeoutSeconds", "30")
            .WithSetting("Channels:Email:Enabled", "true")
            .WithSetting("Channels:Email:Host", "127.0.0.1")
            .WithSetting("Channels:Email:Port", smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture))
            .WithSetting("Channels:Email:Security", "None")
            .WithSetting("Channels:Email:From", "portal@belukab.go.id")
            .WithSetting("Channels:WhatsApp:Enabled", "true")
            .WithSetting("Channels:WhatsApp:Url", whatsApp.BaseUrl + "/send")
            .WithSetting("Channels:WhatsApp:Token", "token-wa")
            .WithSetting("Channels:Telegram:Enabled", "true")
            .WithSetting("Channels:Telegram:ApiUrl", telegram.BaseUrl)
            .WithSetting("Channels:Telegram:BotToken", "123:abc");
        return new ReminderTestBed(smtp, whatsApp, telegram, portal);
    }

    /// <summary>The person's contacts: e-mail "{user}@belukab.go.id", WhatsApp and Telegram ids of their own.</summary>
    public sealed record Contact(string UserId, string Email, string Phone, string ChatId);

    /// <summary>Gives the account's employee an e-mail address and a number and chooses every topic on every channel.</summary>
    public async Task<Contact> ReachAsync(string userName, int index, NotificationTopics topics = NotificationTopics.All)
    {
        await using var db = Portal.CreateDbContext();
        var user = await db.Users.Include(u => u.Employee).SingleAsync(u => u.UserName == userName);
        var contact = new Contact(user.Id, $"{userName}@belukab.go.id", $"62812000000{index:00}", $"70000{index:00}");
        user.Employee!.Email = contact.Email;
        user.Employee.Phone = contact.Phone;
        db.NotificationPreferences.Add(new NotificationPreference
        {
            UserId = user.Id,
            EmailTopics = topics,
            WhatsAppTopics = topics,
            TelegramTopics = topics,
            TelegramChatId = contact.ChatId,
        });
        await db.SaveChangesAsync();
        return contact;
    }

    /// <summary>
    /// Closes the demo's three months of open dispositions and pending requests, so that a check reminds only of what
    /// the test made (the demo's backlog would be hundreds of reminders a day, each a bell item to store).
    /// </summary>
    public async Task ClearDemoBacklogAsync()
    {
        await using var db = Portal.CreateDbContext();
        await db.Dispositions.Where(d => d.Status != Features.Letters.Domain.DispositionStatus.Selesai && d.Status != Features.Letters.Domain.DispositionStatus.Dibatalkan)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, Features.Letters.Domain.DispositionStatus.Selesai));
        await db.AttendanceRequests.Where(r => r.Status == Features.Attendance.RequestStatus.Diajukan)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, Features.Attendance.RequestStatus.Dibatalkan));
    }

    /// <summary>
    /// Moves the clock to a local time and returns once the hosted worker has finished a check at or after it. What was
    /// queued for the channels is sent first: a send's claim is a lease on the clock, so a copy still in flight when the
    /// clock jumps by hours would be claimed and sent a second time.
    /// </summary>
    public async Task CheckAtAsync(DateOnly day, int hour, int minute)
    {
        await DeliverUntilAsync(() => !HasQueuedCopies());
        Portal.SetLocal(day, hour, minute);
        var target = Portal.Time.GetUtcNow().UtcDateTime;
        var worker = Portal.Services.GetRequiredService<ReminderWorker>();
        using var timeout = new CancellationTokenSource(Wait);
        while (worker.LastPassUtc < target)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>The bell items of the kind the account holds, oldest first.</summary>
    public async Task<List<Features.Notifications.Notification>> BellAsync(string userId, string kind)
    {
        await using var db = Portal.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Kind == kind).OrderBy(n => n.AtUtc).ToListAsync();
    }

    /// <summary>Sends queued channel copies until the condition holds; at most a minute.</summary>
    public async Task DeliverUntilAsync(Func<bool> condition)
    {
        var worker = Portal.Services.GetRequiredService<ChannelDeliveryWorker>();
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed >= Wait)
            {
                await using var db = Portal.CreateDbContext();
                var states = await db.ChannelMessages.AsNoTracking()
                    .Select(m => $"{m.Channel} {m.Recipient} {m.State} attempts={m.Attempts} next={m.NextAttemptUtc:O} error={m.LastError}").ToListAsync();
                Assert.Fail("the channel copies did not arrive: " + string.Join("; ", states));
            }
            await worker.RunOnceAsync();
            await Task.Yield();
        }
    }

    /// <summary>
    /// Sends until no channel copy waits or is in flight: a copy whose send has reached the fake server is stored as
    /// sent a moment later, and moving the clock past its lease before that would rightly send it again.
    /// </summary>
    public Task SettleDeliveriesAsync() => DeliverUntilAsync(() => !HasQueuedCopies());

    private bool HasQueuedCopies()
    {
        using var db = Portal.CreateDbContext();
        return db.ChannelMessages.Any(m => m.State == ChannelMessageState.Menunggu);
    }

    /// <summary>What reached the person on the three channels: e-mail subjects and bodies, WhatsApp and Telegram texts.</summary>
    public (List<string> Mails, List<string> WhatsApp, List<string> Telegram) Received(Contact contact) =>
        ([.. Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == contact.Email)).Select(m =>
        {
            var parsed = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)));
            return parsed.Subject + "\n" + parsed.TextBody;
        })],
        [.. WhatsApp.Received.Where(r => r.Fields["target"] == contact.Phone).Select(r => r.Fields["message"])],
        [.. Telegram.Received.Where(r => r.Fields["chat_id"] == contact.ChatId).Select(r => r.Fields["text"])]);

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        await WhatsApp.DisposeAsync();
        await Telegram.DisposeAsync();
        Smtp.Stop();
    }
}
