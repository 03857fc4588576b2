using System.Diagnostics;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Notifications.Channels;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace Belu.Portal.Tests.Integration.Notifications.Channels;

/// <summary>
/// The copies of a notification reach a fake SMTP server, a fake WhatsApp gateway and a fake Telegram Bot API, each a
/// real server started here; a dead channel (500, no answer) loses nothing and delays neither the bell nor the others.
/// </summary>
public sealed class ChannelDeliveryTests : IAsyncLifetime
{
    private SimpleSmtpServer _smtp = default!;
    private FakeGateway _whatsApp = default!;
    private FakeGateway _telegram = default!;
    private FakeClockPortalFactory _portal = default!;
    private int _employeeId;
    private string _userId = "";

    public async Task InitializeAsync()
    {
        _smtp = SimpleSmtpServer.Start();
        _whatsApp = await FakeGateway.StartAsync("status");
        _telegram = await FakeGateway.StartAsync("ok");
        _portal = new FakeClockPortalFactory();
        _portal.WithSetting("Channels:PublicUrl", "https://portal.belukab.go.id")
            .WithSetting("Channels:TimeoutSeconds", "2")
            .WithSetting("Channels:Email:Enabled", "true")
            .WithSetting("Channels:Email:Host", "127.0.0.1")
            .WithSetting("Channels:Email:Port", _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Channels:Email:Security", "None")
            .WithSetting("Channels:Email:From", "portal@belukab.go.id")
            .WithSetting("Channels:WhatsApp:Enabled", "true")
            .WithSetting("Channels:WhatsApp:Url", _whatsApp.BaseUrl + "/send")
            .WithSetting("Channels:WhatsApp:Token", "token-wa")
            .WithSetting("Channels:Telegram:Enabled", "true")
            .WithSetting("Channels:Telegram:ApiUrl", _telegram.BaseUrl)
            .WithSetting("Channels:Telegram:BotToken", "123:abc");

        await using var db = _portal.CreateDbContext();
        var user = await db.Users.Include(u => u.Employee).Where(u => u.EmployeeId != null && u.IsActive).OrderBy(u => u.UserName).FirstAsync();
        _employeeId = user.EmployeeId!.Value;
        _userId = user.Id;
        user.Employee!.Email = "penerima@belukab.go.id";
        user.Employee.Phone = "6281234567890";
        db.NotificationPreferences.Add(new NotificationPreference
        {
            UserId = user.Id,
            EmailTopics = NotificationTopics.All,
            WhatsAppTopics = NotificationTopics.All,
            TelegramTopics = NotificationTopics.All,
            TelegramChatId = "987654321",
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _whatsApp.DisposeAsync();
        await _telegram.DisposeAsync();
        _smtp.Stop();
    }

    private RequestSubmittedEvent Request() => new(Guid.NewGuid(), RequestKind.C, new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2), "Yohanes Bria")
    {
        AtUtc = _portal.Time.GetUtcNow().UtcDateTime,
        RecipientEmployeeIds = [_employeeId],
    };

    private async Task PublishAsync(PortalEvent portalEvent) =>
        await _portal.Services.GetRequiredService<IPortalNotifier>().PublishAsync(portalEvent);

    /// <summary>Runs the delivery until the condition holds (the hosted worker may be the one that sends); at most 20 s.</summary>
    private async Task DeliverUntilAsync(Func<bool> condition)
    {
        var worker = _portal.Services.GetRequiredService<ChannelDeliveryWorker>();
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the channel copies did not arrive");
            await worker.RunOnceAsync();
            await Task.Yield();
        }
    }

    private static MimeKit.MimeMessage Parse(string data) =>
        MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)));

    private async Task<List<ChannelMessage>> MessagesAsync(Guid eventId)
    {
        await using var db = _portal.CreateDbContext();
        return await db.ChannelMessages.AsNoTracking().Where(m => m.EventId == eventId).OrderBy(m => m.Channel).ToListAsync();
    }

    [Fact]
    public async Task ARequestReachesEmailWhatsAppAndTelegramWithItsLink()
    {
        var request = Request();
        await PublishAsync(request);

        // A server has the message before its client hears the answer and stores Terkirim: wait for both.
        await DeliverUntilAsync(() => _smtp.ReceivedEmailCount == 1 && !_whatsApp.Received.IsEmpty && !_telegram.Received.IsEmpty
            && MessagesAsync(request.Id).GetAwaiter().GetResult().All(m => m.State == ChannelMessageState.Terkirim));

        var mail = _smtp.ReceivedEmail.Single();
        Assert.Equal("penerima@belukab.go.id", mail.ToAddresses.Single().Address);
        var parsed = Parse(mail.Data);
        Assert.Contains("menunggu keputusan Anda", parsed.TextBody);
        Assert.Contains("https://portal.belukab.go.id/absensi/permohonan/" + request.RequestId, parsed.TextBody);
        var wa = Assert.Single(_whatsApp.Received);
        Assert.Equal("/send", wa.Path);
        Assert.Equal("token-wa", wa.Authorization);
        Assert.Equal("6281234567890", wa.Fields["target"]);
        Assert.Contains("https://portal.belukab.go.id/absensi/permohonan/" + request.RequestId, wa.Fields["message"]);
        var tg = Assert.Single(_telegram.Received);
        Assert.Equal("/bot123:abc/sendMessage", tg.Path);
        Assert.Equal("987654321", tg.Fields["chat_id"]);
        Assert.Contains("Yohanes Bria", tg.Fields["text"]);
        Assert.All(await MessagesAsync(request.Id), m => Assert.Equal(ChannelMessageState.Terkirim, m.State));
    }

    [Fact]
    public async Task ASecretLetterLeavesThePortalWithoutItsSubject()
    {
        var letterId = Guid.NewGuid();
        await PublishAsync(new LetterRegistered
        {
            LetterId = letterId,
            AgendaNumber = "005/123",
            Subject = null,
            AtUtc = _portal.Time.GetUtcNow().UtcDateTime,
            RecipientEmployeeIds = [_employeeId],
        });

        await DeliverUntilAsync(() => _smtp.ReceivedEmailCount == 1 && !_whatsApp.Received.IsEmpty && !_telegram.Received.IsEmpty);

        var wa = Assert.Single(_whatsApp.Received).Fields["message"];
        Assert.StartsWith("Ada surat rahasia untuk Anda.", wa);
        Assert.DoesNotContain("005/123", wa);
        Assert.Contains($"https://portal.belukab.go.id/surat/{letterId}", wa);
        Assert.StartsWith("Ada surat rahasia untuk Anda.", Assert.Single(_telegram.Received).Fields["text"]);
        var mail = Parse(_smtp.ReceivedEmail.Single().Data);
        Assert.Equal("[Portal Belu] Ada surat rahasia untuk Anda", mail.Subject);
        Assert.DoesNotContain("005/123", mail.TextBody);
    }

    [Fact]
    public async Task ADeadChannelLosesNothingAndBlocksNeitherTheBellNorTheOthers()
    {
        _whatsApp.Mode = GatewayMode.Fail500;
        _telegram.Mode = GatewayMode.Hang;
        var request = Request();

        var publishing = Stopwatch.StartNew();
        await PublishAsync(request);
        publishing.Stop();
        await using (var db = _portal.CreateDbContext())
        {
            Assert.True(await db.Notifications.AnyAsync(n => n.EventId == request.Id && n.UserId == _userId), "the bell has its notification");
        }
        Assert.True(publishing.Elapsed < TimeSpan.FromSeconds(2), $"publishing waited for a channel ({publishing.Elapsed})");

        await DeliverUntilAsync(() => _smtp.ReceivedEmailCount == 1);
        var worker = _portal.Services.GetRequiredService<ChannelDeliveryWorker>();
        var waited = Stopwatch.StartNew();
        List<ChannelMessage> messages;
        do
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the failures were not recorded");
            await worker.RunOnceAsync();
            messages = await MessagesAsync(request.Id);
        }
        while (messages.Any(m => m.Channel != ChannelKind.Email && m.Attempts == 0)
            || messages.Single(m => m.Channel == ChannelKind.Email).State != ChannelMessageState.Terkirim);

        var wa = messages.Single(m => m.Channel == ChannelKind.WhatsApp);
        Assert.Equal(ChannelMessageState.Menunggu, wa.State);
        Assert.Contains("HTTP 500", wa.LastError);
        var tg = messages.Single(m => m.Channel == ChannelKind.Telegram);
        Assert.Equal(ChannelMessageState.Menunggu, tg.State);
        Assert.Contains("tidak ada jawaban", tg.LastError);
        Assert.Equal(ChannelMessageState.Terkirim, messages.Single(m => m.Channel == ChannelKind.Email).State);

        // The channels come back; after the backoff (30 s for the first failure) the messages go out.
        _whatsApp.Mode = GatewayMode.Accept;
        _telegram.Mode = GatewayMode.Accept;
        _portal.Time.Advance(TimeSpan.FromSeconds(31));
        // The gateway records a request before it answers: wait for the stored state, not for the request.
        await DeliverUntilAsync(() => MessagesAsync(request.Id).GetAwaiter().GetResult().All(m => m.State == ChannelMessageState.Terkirim));
        var after = await MessagesAsync(request.Id);
        Assert.All(after, m => Assert.Equal(ChannelMessageState.Terkirim, m.State));
        Assert.Equal(2, after.Single(m => m.Channel == ChannelKind.WhatsApp).Attempts);
    }
}
