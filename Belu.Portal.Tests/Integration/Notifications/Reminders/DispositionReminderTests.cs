using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Notifications.Channels;
using Belu.Portal.Features.Notifications.Reminders;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Notifications.Reminders;

/// <summary>
/// Disposition reminders on the fake clock: unread after a working day, due on the next working day, overdue; each
/// to the recipient at most once a day, then to the disposer; none once the disposition has moved.
/// </summary>
public sealed class DispositionReminderTests : IAsyncLifetime
{
    private ReminderTestBed _bed = default!;

    public async Task InitializeAsync()
    {
        _bed = await ReminderTestBed.StartAsync();
        await _bed.ClearDemoBacklogAsync();
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private static readonly DateOnly Friday = FakeClock.StartDay;

    /// <summary>The reminders of the letter in the account's bell, oldest first.</summary>
    private async Task<List<string>> RemindersAsync(string userId, Guid letterId) =>
        [.. (await _bed.BellAsync(userId, nameof(DispositionReminder))).Where(n => n.Link == LetterLink.For(letterId)).Select(n => n.Text)];

    /// <summary>Friday 09:00: a letter to the Kepala Dinas, disposed to the Kabid Aptika with the given deadline.</summary>
    private async Task<Guid> DisposedLetterAsync(string subject, DateOnly deadline)
    {
        _bed.Portal.SetLocal(Friday, 9, 0);
        var letterId = await _bed.Portal.RegisterAsync(await _bed.Portal.FormAsync(subject));
        await _bed.Portal.DisposeAsync("pimpinan", letterId, null, [await _bed.Portal.EmployeeOfAsync("kabid.aptika")], deadline: deadline);
        return letterId;
    }

    [Fact]
    public async Task AnUnreadDispositionRemindsTheRecipientOnEveryChannelThenTheDisposerAndStopsOnceRead()
    {
        var recipient = await _bed.ReachAsync("kabid.aptika", 1, NotificationTopics.Pengingat);
        var disposer = await _bed.ReachAsync("pimpinan", 2, NotificationTopics.Pengingat);
        var letterId = await DisposedLetterAsync("Undangan rapat SPBE", Friday.AddDays(14));
        var (monday, tuesday, wednesday) = (Friday.AddDays(3), Friday.AddDays(4), Friday.AddDays(5));

        // Monday 09:30: one working day since Friday 09:00 (the weekend does not count).
        await _bed.CheckAtAsync(monday, 9, 30);
        await _bed.CheckAtAsync(monday, 11, 0);
        var first = Assert.Single(await RemindersAsync(recipient.UserId, letterId));
        Assert.Contains("belum Anda baca", first);
        Assert.Empty(await RemindersAsync(disposer.UserId, letterId));
        await _bed.DeliverUntilAsync(() => _bed.Received(recipient) is ({ Count: > 0 }, { Count: > 0 }, { Count: > 0 }));
        var (mails, whatsApp, telegram) = _bed.Received(recipient);
        Assert.All([Assert.Single(mails), Assert.Single(whatsApp), Assert.Single(telegram)], text =>
        {
            Assert.Contains("Undangan rapat SPBE", text);
            Assert.Contains($"https://portal.belukab.go.id/surat/{letterId}", text);
        });

        // Tuesday: the recipient again (a new day), and the disposer, as it is still unread.
        await _bed.CheckAtAsync(tuesday, 9, 30);
        Assert.Equal(2, (await RemindersAsync(recipient.UserId, letterId)).Count);
        var escalated = Assert.Single(await RemindersAsync(disposer.UserId, letterId));
        Assert.Contains("belum dibaca", escalated);
        Assert.Contains("kepada", escalated);
        await _bed.DeliverUntilAsync(() => _bed.Received(disposer) is ({ Count: > 0 }, { Count: > 0 }, { Count: > 0 }));

        // Once read, nobody hears of it again.
        await _bed.Portal.OpenAsync("kabid.aptika", letterId);
        await _bed.CheckAtAsync(wednesday, 9, 30);
        Assert.Equal(2, (await RemindersAsync(recipient.UserId, letterId)).Count);
        Assert.Single(await RemindersAsync(disposer.UserId, letterId));
    }

    [Fact]
    public async Task ADeadlineRemindsTheDayBeforeThenWhileOverdueClimbsToTheDisposerAndStopsOnceFinished()
    {
        var recipient = await _bed.ReachAsync("kabid.aptika", 1, NotificationTopics.Pengingat);
        var disposer = await _bed.ReachAsync("pimpinan", 2, NotificationTopics.Pengingat);
        var tuesday = Friday.AddDays(4);
        var letterId = await DisposedLetterAsync("Laporan capaian SPBE triwulan IV", tuesday);
        // Read at once: only the deadline speaks.
        await _bed.Portal.OpenAsync("kabid.aptika", letterId);

        // Friday: the deadline is two working days away.
        await _bed.CheckAtAsync(Friday, 9, 30);
        Assert.Empty(await RemindersAsync(recipient.UserId, letterId));
        // Monday: it is due on the next working day.
        await _bed.CheckAtAsync(Friday.AddDays(3), 9, 30);
        Assert.Contains("jatuh tempo", Assert.Single(await RemindersAsync(recipient.UserId, letterId)));
        await _bed.DeliverUntilAsync(() => _bed.Received(recipient) is ({ Count: > 0 }, { Count: > 0 }, { Count: > 0 }));
        // Tuesday, the day itself: nothing more (the digest lists it as due today).
        await _bed.CheckAtAsync(tuesday, 9, 30);
        Assert.Single(await RemindersAsync(recipient.UserId, letterId));
        // Wednesday: overdue, to the recipient only.
        await _bed.CheckAtAsync(tuesday.AddDays(1), 9, 30);
        await _bed.CheckAtAsync(tuesday.AddDays(1), 14, 0);
        var afterWednesday = await RemindersAsync(recipient.UserId, letterId);
        Assert.Equal(2, afterWednesday.Count);
        Assert.Contains("melewati batas waktu", afterWednesday[1]);
        Assert.Empty(await RemindersAsync(disposer.UserId, letterId));
        // Thursday: still overdue after a working day more, so the disposer hears of it too.
        await _bed.CheckAtAsync(tuesday.AddDays(2), 9, 30);
        Assert.Equal(3, (await RemindersAsync(recipient.UserId, letterId)).Count);
        Assert.Contains("melewati batas waktu", Assert.Single(await RemindersAsync(disposer.UserId, letterId)));

        // Finished with a follow-up report: the reminders end.
        var mine = (await _bed.Portal.OpenAsync("kabid.aptika", letterId)).Dispositions.Single(d => d.IsMine);
        await _bed.Portal.AsAsync("kabid.aptika", sp => sp.GetRequiredService<ReportFollowUp>().HandleAsync(mine.Id, mine.Version, "Laporan telah dikirim.", null));
        await _bed.CheckAtAsync(tuesday.AddDays(3), 9, 30);
        Assert.Equal(3, (await RemindersAsync(recipient.UserId, letterId)).Count);
        Assert.Single(await RemindersAsync(disposer.UserId, letterId));
    }
}
