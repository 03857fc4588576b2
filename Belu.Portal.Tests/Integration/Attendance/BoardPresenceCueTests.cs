using System.Collections.Concurrent;
using System.Security.Claims;
using Belu.Portal.Common;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Organization;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>
/// The wall board's numbers follow every check-in: an on-time one, which has no ticker line and tells nobody, still
/// cues the boards that watch the employee's OPD (and only those) to re-read their counts.
/// </summary>
public class BoardPresenceCueTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task AnOnTimeCheckInCuesTheBoardsOfItsOpdAndNoOther()
    {
        var clock = factory.Services.GetRequiredService<OfficeClock>();
        var today = clock.Today;
        var (start, end) = clock.DayBoundsUtc(today);
        int employeeId, opd, otherOpd;
        await using (var db = factory.CreateDbContext())
        {
            var punchedToday = db.Punches.Where(p => p.AtUtc >= start && p.AtUtc < end).Select(p => p.EmployeeId);
            var employee = await AttendanceEngine.Staff(db).Where(s => !punchedToday.Contains(s.Id)).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.UnitId }).FirstAsync();
            var tree = await factory.Services.GetRequiredService<OrganizationTreeCache>().GetAsync(db);
            employeeId = employee.Id;
            opd = tree.OpdOf(employee.UnitId)!.Id;
            otherOpd = tree.All.First(u => u.Kind.IsTopLevel() && u.Id != opd).Id;
        }
        var feed = factory.Services.GetRequiredService<LiveFeed>();
        var watching = new ConcurrentQueue<EventEnvelope>();
        var elsewhere = new ConcurrentQueue<EventEnvelope>();
        using var board = feed.SubscribeBoard(new BoardScope(new HashSet<int> { opd }), new ClaimsPrincipal(), e => { watching.Enqueue(e); return Task.CompletedTask; });
        using var otherBoard = feed.SubscribeBoard(new BoardScope(new HashSet<int> { otherOpd }), new ClaimsPrincipal(), e => { elsewhere.Enqueue(e); return Task.CompletedTask; });

        // 07:10 WITA, twenty minutes before the start: on time.
        var outcomes = await factory.Services.GetRequiredService<PunchRecorder>()
            .RecordAsync([new PunchSubmission(employeeId, start.AddHours(7).AddMinutes(10), PunchSource.Web)]);

        Assert.Equal([PunchOutcome.Accepted], outcomes);
        var cue = Assert.Single(watching, e => e.Event is PresenceChangedEvent);
        Assert.Equal(opd, cue.OpdId);
        Assert.Equal(today, ((PresenceChangedEvent)cue.Event).Date);
        Assert.False(cue.Event.ShowOnBoard);
        Assert.DoesNotContain(watching, e => e.Event is CheckedInLateEvent);
        Assert.DoesNotContain(elsewhere, e => e.Event is PresenceChangedEvent);
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.RecentEvents.AnyAsync(e => e.Kind == nameof(PresenceChangedEvent)));
            Assert.False(await db.Notifications.AnyAsync(n => n.Kind == nameof(PresenceChangedEvent)));
        }
    }
}
