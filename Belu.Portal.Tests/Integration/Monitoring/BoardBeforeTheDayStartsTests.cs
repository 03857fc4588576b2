using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Monitoring;

/// <summary>The board at 04.00 of a working day: its own portal, because the clock moves on to the next Monday.</summary>
public class BoardBeforeTheDayStartsTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static readonly DateOnly Monday = FakeClock.StartDay.AddDays(3);

    [Fact]
    public async Task At0400NobodyIsMissingAndFromTheWindowsOpeningTheMissingAreAwaitedNotTk()
    {
        Assert.Equal(DayOfWeek.Monday, Monday.DayOfWeek);
        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");

        factory.SetLocal(Monday, 4, 0);
        var early = await KominfoAsync(kominfo.Id);
        Assert.True(early.NotStarted > 0);
        Assert.Equal(early.Staff - early.Away, early.NotStarted);
        Assert.Equal(0, early.NotYet);
        Assert.Equal(0, early.Absent);
        Assert.Null(early.PresentPercent);

        factory.SetLocal(Monday, 6, 0);
        var open = await KominfoAsync(kominfo.Id);
        Assert.Equal(0, open.NotStarted);
        Assert.Equal(0, open.Absent);
        Assert.Equal(open.Staff - open.Away - open.Present, open.NotYet);
        Assert.True(open.NotYet > 0);
    }

    private async Task<BoardAttendanceRow> KominfoAsync(int opdId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<BoardService>();
        return Assert.Single(await board.AttendanceAsync(BoardScope.Regency), r => r.OpdId == opdId);
    }
}
