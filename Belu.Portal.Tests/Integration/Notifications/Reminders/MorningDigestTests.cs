using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications.Channels;
using Belu.Portal.Features.Notifications.Reminders;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Notifications.Reminders;

/// <summary>
/// The morning digest on the fake clock: at 07:00 WITA on a working day it reaches the bell and, through the channels,
/// a fake SMTP server, a fake WhatsApp gateway and a fake Telegram bot; not on a Saturday, not on a holiday, not to
/// someone with nothing waiting, not twice after a restart, and never with a secret letter's subject.
/// </summary>
public sealed class MorningDigestTests : IAsyncLifetime
{
    private const string SecretSubject = "Mutasi pejabat eselon III";

    private ReminderTestBed _bed = default!;

    public async Task InitializeAsync() => _bed = await ReminderTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private static DateTime LocalUtc(DateOnly day, int hour, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TestClock.Wita).UtcDateTime;

    /// <summary>An account whose employee has nothing waiting: no letter, disposition, draft nor request.</summary>
    private async Task<string> IdleAccountAsync()
    {
        await using var db = _bed.Portal.CreateDbContext();
        var unitId = await db.Employees.Where(e => e.Id == db.Users.Where(u => u.UserName == "pimpinan").Select(u => u.EmployeeId).First())
            .Select(e => e.UnitId).FirstAsync();
        var employee = new Employee { Name = "Maria Goreti Seran", Position = "Analis Kebijakan", UnitId = unitId, EmploymentType = EmploymentType.NonAsn };
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        return await _bed.Portal.LeaderAccountAsync("idle.seran", employee.Id);
    }

    [Fact]
    public async Task TheDigestArrivesAtSevenOnAWorkingDayOnEveryChannelAndNeverTwice()
    {
        var friday = FakeClock.StartDay;
        var (saturday, monday, tuesday) = (friday.AddDays(1), friday.AddDays(3), friday.AddDays(4));
        await _bed.ClearDemoBacklogAsync();
        // The digest's topic alone: reminders of the letter below are another test's business.
        var leader = await _bed.ReachAsync("pimpinan", 1, NotificationTopics.Ringkasan);
        var idle = await _bed.ReachAsync(await IdleAccountAsync(), 2);
        await _bed.Portal.RegisterAsync(await _bed.Portal.FormAsync(SecretSubject, SecurityClass.Rahasia));
        await using (var db = _bed.Portal.CreateDbContext())
        {
            db.Holidays.Add(new Holiday { Date = monday, Name = "Libur daerah uji", Kind = HolidayKind.LiburDaerah });
            await db.SaveChangesAsync();
        }

        // Saturday and a holiday Monday: no digest for anyone.
        await _bed.CheckAtAsync(saturday, 7, 0);
        await _bed.CheckAtAsync(monday, 7, 0);
        Assert.Empty(await _bed.BellAsync(leader.UserId, nameof(MorningDigest)));

        // Tuesday 07:00: one bell item, stamped 07:00, and its copies by e-mail, WhatsApp and Telegram.
        await _bed.CheckAtAsync(tuesday, 7, 0);
        var digest = Assert.Single(await _bed.BellAsync(leader.UserId, nameof(MorningDigest)));
        Assert.Equal(LocalUtc(tuesday, 7, 0), digest.AtUtc);
        Assert.StartsWith("Ringkasan pagi:", digest.Text);
        Assert.Contains("surat belum dibaca", digest.Text);
        await _bed.DeliverUntilAsync(() => _bed.Received(leader) is ({ Count: > 0 }, { Count: > 0 }, { Count: > 0 }));
        var (mails, whatsApp, telegram) = _bed.Received(leader);
        Assert.All([Assert.Single(mails), Assert.Single(whatsApp), Assert.Single(telegram)], text =>
        {
            Assert.Contains("Ringkasan pagi", text);
            Assert.Contains("https://portal.belukab.go.id/", text);
            Assert.DoesNotContain(SecretSubject, text);
        });
        Assert.Empty(await _bed.BellAsync(idle.UserId, nameof(MorningDigest)));

        // A restart at 07:05 finds the day's marks and sends nothing; nor does the next check.
        await _bed.SettleDeliveriesAsync();
        _bed.Portal.SetLocal(tuesday, 7, 5);
        var restarted = ActivatorUtilities.CreateInstance<SendMorningDigest>(_bed.Portal.Services);
        Assert.Equal(0, await restarted.RunOnceAsync());
        await _bed.CheckAtAsync(tuesday, 7, 30);
        Assert.Single(await _bed.BellAsync(leader.UserId, nameof(MorningDigest)));
        await _bed.Portal.Services.GetRequiredService<Features.Notifications.Channels.ChannelDeliveryWorker>().RunOnceAsync();
        Assert.Single(_bed.Received(leader).Mails);
        var (idleMails, idleWhatsApp, idleTelegram) = _bed.Received(idle);
        Assert.Empty(idleMails);
        Assert.Empty(idleWhatsApp);
        Assert.Empty(idleTelegram);
    }
}
