using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Notifications.Channels;
using Belu.Portal.Features.Notifications.Reminders;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Notifications.Reminders;

/// <summary>An undecided request: its approver is reminded after a working day, his superior a working day later, on every channel.</summary>
public sealed class RequestEscalationTests : IAsyncLifetime
{
    private ReminderTestBed _bed = default!;

    public async Task InitializeAsync()
    {
        _bed = await ReminderTestBed.StartAsync();
        await _bed.ClearDemoBacklogAsync();
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    /// <summary>The account of the approver's superior (given one if the demo has none).</summary>
    private async Task<string> SuperiorAccountAsync(string approverUserName)
    {
        await using var db = _bed.Portal.CreateDbContext();
        var approver = await _bed.Portal.EmployeeOfAsync(approverUserName);
        var superior = await db.Employees.Where(e => e.Id == approver).Select(e => e.SuperiorId!.Value).SingleAsync();
        var existing = await db.Users.Where(u => u.EmployeeId == superior && u.IsActive).Select(u => u.UserName).FirstOrDefaultAsync();
        return existing ?? await _bed.Portal.LeaderAccountAsync("atasan.aptika", superior);
    }

    [Fact]
    public async Task AnUndecidedRequestClimbsToTheApproversSuperiorOnceADayUntilDecided()
    {
        var friday = FakeClock.StartDay;
        var (monday, tuesday, wednesday) = (friday.AddDays(3), friday.AddDays(4), friday.AddDays(5));
        var approver = await _bed.ReachAsync("kabid.aptika", 1, NotificationTopics.Pengingat);
        var superior = await _bed.ReachAsync(await SuperiorAccountAsync("kabid.aptika"), 2, NotificationTopics.Pengingat);
        _bed.Portal.SetLocal(friday, 9, 0);
        var requestId = await _bed.Portal.AsAsync("pegawai", sp => sp.GetRequiredService<SubmitRequest>().CreateAsync(
            new RequestInput { Kind = RequestKind.I, From = friday.AddDays(14), To = friday.AddDays(14), Reason = "Menghadiri wisuda adik." }, null));
        var requesterName = await RequesterNameAsync();

        // Monday: the approver's own reminder (one working day); the superior hears nothing yet.
        await _bed.CheckAtAsync(monday, 9, 30);
        await RunApproverReminderAsync();
        Assert.Single(await _bed.BellAsync(approver.UserId, nameof(RequestReminderEvent)));
        Assert.Empty(await _bed.BellAsync(superior.UserId, nameof(RequestEscalated)));

        // Tuesday: a working day more, so it climbs, once that day, on every channel.
        await _bed.CheckAtAsync(tuesday, 9, 30);
        await _bed.CheckAtAsync(tuesday, 11, 0);
        var escalated = Assert.Single(await _bed.BellAsync(superior.UserId, nameof(RequestEscalated)));
        Assert.Contains(requesterName, escalated.Text);
        Assert.Contains("belum diputuskan", escalated.Text);
        await _bed.DeliverUntilAsync(() => _bed.Received(superior) is ({ Count: > 0 }, { Count: > 0 }, { Count: > 0 }));
        var (mails, whatsApp, telegram) = _bed.Received(superior);
        Assert.All([Assert.Single(mails), Assert.Single(whatsApp), Assert.Single(telegram)], text => Assert.Contains("belum diputuskan", text));

        // Decided: the escalation ends.
        await _bed.Portal.AsAsync("kabid.aptika", async sp =>
        {
            var row = (await sp.GetRequiredService<RequestQueries>().ListToDecideAsync()).Single(r => r.Id == requestId);
            await sp.GetRequiredService<DecideRequest>().DecideAsync(requestId, true, null, row.Version);
        });
        await _bed.CheckAtAsync(wednesday, 9, 30);
        Assert.Single(await _bed.BellAsync(superior.UserId, nameof(RequestEscalated)));
    }

    private async Task<string> RequesterNameAsync()
    {
        await using var db = _bed.Portal.CreateDbContext();
        var id = await _bed.Portal.EmployeeOfAsync("pegawai");
        return await db.Employees.Where(e => e.Id == id).Select(e => e.Name).SingleAsync();
    }

    /// <summary>
    /// The approver's reminder is attendance's own worker, which the clock's jump woke: waits for its check at the
    /// clock's time (a direct run beside it would find the request already claimed and return before the bell item is stored).
    /// </summary>
    private async Task RunApproverReminderAsync()
    {
        var target = _bed.Portal.Time.GetUtcNow().UtcDateTime;
        var worker = _bed.Portal.Services.GetRequiredService<RequestReminderWorker>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (worker.LastPassUtc < target)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
