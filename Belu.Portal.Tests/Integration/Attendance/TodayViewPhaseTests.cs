using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>Today's counters say of those not here what the board says: not started, awaited, TK once closed.</summary>
public class TodayViewPhaseTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly Monday = FakeClock.StartDay.AddDays(3);

    [Fact]
    public async Task ThoseNotHereAreNotStartedBeforeTheWindowAwaitedAfterItAndTKOnceTheDayIsClosed()
    {
        int aptika;
        await using (var db = factory.CreateDbContext())
        {
            aptika = await db.Units.Where(u => u.Code == "DISKOMINFO-03").Select(u => u.Id).SingleAsync();
        }

        factory.SetLocal(Monday, 4, 0);
        Assert.Equal(NotPresentState.NotStarted, (await TodayAsync(aptika)).Missing);

        factory.SetLocal(Monday, 6, 30);
        Assert.Equal(NotPresentState.Awaited, (await TodayAsync(aptika)).Missing);

        // The demo history closed the days before the portal's first day.
        await using var scope = await factory.ScopeForAsync("kabid.aptika");
        var closed = await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().DayAsync(aptika, FakeClock.StartDay.AddDays(-1));
        Assert.Equal(NotPresentState.Absent, closed.Missing);
    }

    private async Task<TodayView> TodayAsync(int unitId)
    {
        await using var scope = await factory.ScopeForAsync("kabid.aptika");
        return await scope.ServiceProvider.GetRequiredService<AttendanceReportService>().TodayAsync(unitId);
    }
}
