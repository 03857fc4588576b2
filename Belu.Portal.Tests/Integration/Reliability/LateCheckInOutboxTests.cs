using Belu.Portal.Features.Attendance;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Reliability;

/// <summary>The fake-clock portal (a working morning) whose notifier can die right after a commit.</summary>
[Trait("Category", "Process")]
public sealed class DyingNotifierFakeClockFactory : FakeClockPortalFactory
{
    public DyingNotifierFakeClockFactory() => DyingNotifier.Install(this);
}

/// <summary>
/// A late check-in's notice to the leader is stored with the punch: if the process dies between the commit and the
/// sending, the punch is still acknowledged and the notice is sent later, once.
/// </summary>
[Trait("Category", "Process")]
public class LateCheckInOutboxTests(DyingNotifierFakeClockFactory factory) : IClassFixture<DyingNotifierFakeClockFactory>
{
    private async Task<int> LateNoticesAsync(int superiorEmployeeId)
    {
        await using var db = factory.CreateDbContext();
        var user = await db.Users.Where(u => u.EmployeeId == superiorEmployeeId).Select(u => u.Id).SingleAsync();
        return await db.Notifications.CountAsync(n => n.UserId == user && n.Kind == nameof(CheckedInLateEvent));
    }

    [Fact]
    public async Task ALateCheckInCommittedJustBeforeACrashIsAcknowledgedAndItsNoticeSentLaterOnce()
    {
        var notifier = factory.Services.GetRequiredService<DyingNotifier>();
        var pegawai = await factory.EmployeeIdOfAsync("pegawai");
        int superior;
        await using (var db = factory.CreateDbContext())
        {
            superior = (await db.Employees.Where(e => e.Id == pegawai).Select(e => e.SuperiorId).SingleAsync())!.Value;
        }
        var before = await LateNoticesAsync(superior);

        notifier.Dying = true;
        var at = factory.Time.GetUtcNow().UtcDateTime;
        IReadOnlyList<PunchOutcome> outcomes;
        try
        {
            // 07:45 WITA on a working day: fifteen minutes late.
            outcomes = await factory.Services.GetRequiredService<PunchRecorder>()
                .RecordAsync([new PunchSubmission(pegawai, at, PunchSource.Web)]);
        }
        finally
        {
            notifier.Dying = false;
        }

        // Acknowledged as stored (not failed, and not later re-written as a duplicate), with the notice in the outbox.
        Assert.Equal([PunchOutcome.Accepted], outcomes);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(1, await db.Punches.CountAsync(p => p.EmployeeId == pegawai && p.AtUtc >= at.AddMinutes(-1)));
            Assert.Equal(1, await db.OutboxEvents.CountAsync(e => e.Payload.Contains(nameof(CheckedInLateEvent))));
        }
        Assert.Equal(before, await LateNoticesAsync(superior));

        var dispatcher = DyingNotifier.DispatcherAt(factory.Services, factory.Time.GetUtcNow() + TimeSpan.FromMinutes(2));
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        Assert.Equal(0, await dispatcher.RunOnceAsync());
        Assert.Equal(before + 1, await LateNoticesAsync(superior));
    }
}
