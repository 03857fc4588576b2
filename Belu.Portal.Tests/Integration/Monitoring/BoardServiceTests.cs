using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Monitoring;

public class BoardServiceTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    [Fact]
    public async Task LetterCountsPerOpdMatchTheRegister()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<BoardService>();
        var rows = await board.LettersAsync(BoardScope.Regency);

        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var row = Assert.Single(rows, r => r.OpdId == kominfo.Id);
        Assert.Equal(await db.IncomingLetters.CountAsync(l => l.UnitId == kominfo.Id && l.Progress == LetterState.BelumDidisposisi), row.Waiting);
        Assert.Equal(await db.IncomingLetters.CountAsync(l => l.UnitId == kominfo.Id && l.Progress == LetterState.DalamProses), row.InProgress);
        var today = FakeClock.StartDay;
        Assert.Equal(await db.IncomingLetters.CountAsync(l => l.UnitId == kominfo.Id && l.Progress != LetterState.Selesai && l.OpenDeadline < today), row.Overdue);
        Assert.True(row.Waiting + row.InProgress > 0);
    }

    [Fact]
    public async Task AnOpdBoardSeesOnlyItsOwnOpds()
    {
        await using var db = factory.CreateDbContext();
        var bkpsdm = await db.Units.SingleAsync(u => u.Code == "BKPSDM");
        await using var scope = factory.Services.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<BoardService>();
        var only = new BoardScope(new HashSet<int> { bkpsdm.Id });

        var attendance = await board.AttendanceAsync(only);
        Assert.Equal(bkpsdm.Id, Assert.Single(attendance).OpdId);
        Assert.All(await board.LettersAsync(only), r => Assert.Equal(bkpsdm.Id, r.OpdId));
    }

    [Fact]
    public async Task AttendanceOnAFridayMorningCountsEveryoneOnce()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var board = scope.ServiceProvider.GetRequiredService<BoardService>();
        var rows = await board.AttendanceAsync(BoardScope.Regency);
        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var row = Assert.Single(rows, r => r.OpdId == kominfo.Id);
        var staff = await db.Employees.CountAsync(e => e.IsActive && (e.UnitId == kominfo.Id || e.Unit!.ParentId == kominfo.Id));
        Assert.Equal(staff, row.Staff);
        // On a working day each person is present (on time, late or leaving early), not yet in, or away on duty/leave.
        Assert.Equal(row.Staff, row.Present + row.NotYet + row.Away);
        // 07.45 on Friday: the window opened at 06.00 and the day is not closed, so nobody is TK or "not started".
        Assert.Equal(0, row.NotStarted);
        Assert.Equal(0, row.Absent);
        Assert.True(row.Present > 0, "the demo seeds this morning's check-ins");
        Assert.InRange(row.PresentPercent!.Value, 0, 100);
    }

    [Fact]
    public async Task TheTickerOfAnOpdBoardLeavesOutOtherOpds()
    {
        await using var db = factory.CreateDbContext();
        var kominfo = await db.Units.SingleAsync(u => u.Code == "DISKOMINFO");
        var dinkesBidang = await db.Units.SingleAsync(u => u.Code == "DINKES-02");
        var notifier = factory.Services.GetRequiredService<IPortalNotifier>();
        await notifier.PublishAsync(new TestEvent("Hanya untuk Dinkes") { UnitId = dinkesBidang.Id });
        await notifier.PublishAsync(new TestEvent("Untuk semua layar"));

        await using var scope = factory.Services.CreateAsyncScope();
        var ticker = await scope.ServiceProvider.GetRequiredService<BoardService>().RecentEventsAsync(new BoardScope(new HashSet<int> { kominfo.Id }), 50);
        Assert.DoesNotContain(ticker, e => e.Text == "Hanya untuk Dinkes");
        Assert.Contains(ticker, e => e.Text == "Untuk semua layar");
    }
}
