using System.Diagnostics;
using Belu.Portal.Features.Attendance.Field;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Notifications.Channels;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using static Belu.Portal.Tests.Integration.Attendance.Field.FieldTestData;

namespace Belu.Portal.Tests.Integration.Attendance.Field;

/// <summary>
/// The employee hears of his superior's review: a rejection with its reason, and a withheld punch accepted, on his bell
/// and by e-mail (a real SMTP server started here), through the outbox's road.
/// </summary>
public sealed class FieldReviewNoticeTests : IAsyncLifetime
{
    private SimpleSmtpServer _smtp = default!;
    private FakeClockPortalFactory _portal = default!;

    public async Task InitializeAsync()
    {
        _smtp = SimpleSmtpServer.Start();
        _portal = new FakeClockPortalFactory();
        _portal.WithSetting("Channels:PublicUrl", "https://portal.belukab.go.id")
            .WithSetting("Channels:TimeoutSeconds", "2")
            .WithSetting("Channels:Email:Enabled", "true")
            .WithSetting("Channels:Email:Host", "127.0.0.1")
            .WithSetting("Channels:Email:Port", _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Channels:Email:Security", "None")
            .WithSetting("Channels:Email:From", "portal@belukab.go.id");

        // The field employee chose e-mail for the answers to his requests.
        await using var db = _portal.CreateDbContext();
        var user = await db.Users.Include(u => u.Employee).SingleAsync(u => u.UserName == "pegawai");
        user.Employee!.Email = "pegawai.lapangan@belukab.go.id";
        db.NotificationPreferences.Add(new NotificationPreference { UserId = user.Id, EmailTopics = NotificationTopics.Permohonan });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _smtp.Stop();
    }

    private async Task<T> AsAsync<T>(string user, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await _portal.ScopeForAsync(user);
        return await action(scope.ServiceProvider);
    }

    private async Task<List<string>> BellOfAsync(string user)
    {
        await using var db = _portal.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
        return await db.Notifications.Where(n => n.UserId == userId && n.Kind == nameof(FieldPunchReviewedEvent)).Select(n => n.Text).ToListAsync();
    }

    private async Task DeliverUntilAsync(int mails)
    {
        var worker = _portal.Services.GetRequiredService<ChannelDeliveryWorker>();
        var waited = Stopwatch.StartNew();
        while (_smtp.ReceivedEmailCount < mails)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the e-mail did not arrive");
            await worker.RunOnceAsync();
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task TheEmployeeIsToldOfAnAcceptanceAndOfARejectionWithItsReason()
    {
        var employee = await _portal.FieldEmployeeAsync("pegawai");
        var result = await AsAsync("pegawai", sp => sp.GetRequiredService<RecordFieldPunch>().RecordAsync(new FieldFix(Office.Latitude, Office.Longitude, 0)));
        Assert.Equal(FieldReview.Menunggu, result.Review);
        Guid punchId;
        await using (var db = _portal.CreateDbContext())
        {
            punchId = await db.Set<FieldPunch>().Where(f => f.EmployeeId == employee).Select(f => f.PunchId).SingleAsync();
        }

        // Accepted: the withheld punch now counts, and he hears so.
        await AsAsync("kabid.aptika", async sp =>
        {
            await sp.GetRequiredService<ReviewFieldPunch>().AcceptAsync(punchId);
            return 0;
        });
        var accepted = Assert.Single(await BellOfAsync("pegawai"));
        Assert.Contains("diterima oleh", accepted);
        Assert.Contains("kini dihitung", accepted);

        // Rejected later: told with the reason, on the bell and by e-mail.
        await AsAsync("kabid.aptika", async sp =>
        {
            await sp.GetRequiredService<ReviewFieldPunch>().RejectAsync(punchId, "Foto tidak menunjukkan lokasi kantor");
            return 0;
        });
        var bell = await BellOfAsync("pegawai");
        Assert.Equal(2, bell.Count);
        var rejected = Assert.Single(bell, t => t.Contains("ditolak oleh"));
        Assert.EndsWith(": Foto tidak menunjukkan lokasi kantor", rejected);
        // Nobody else's bell, nor the wall board, hears of his attendance.
        Assert.Empty(await BellOfAsync("kabid.aptika"));
        await using (var db = _portal.CreateDbContext())
        {
            Assert.False(await db.RecentEvents.AnyAsync(e => e.Kind == nameof(FieldPunchReviewedEvent)));
        }

        await DeliverUntilAsync(2);
        var mails = _smtp.ReceivedEmail.Select(m => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList();
        Assert.All(_smtp.ReceivedEmail, m => Assert.Equal("pegawai.lapangan@belukab.go.id", m.ToAddresses.Single().Address));
        var rejection = Assert.Single(mails, m => (m.TextBody ?? "").Contains("ditolak"));
        Assert.Contains("Foto tidak menunjukkan lokasi kantor", rejection.TextBody);
        Assert.Contains("https://portal.belukab.go.id/absensi/lapangan", rejection.TextBody);
    }
}
