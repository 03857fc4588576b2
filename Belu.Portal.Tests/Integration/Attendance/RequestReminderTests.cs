using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>The hosted reminder on the fake clock: one reminder after one working day, none for a decided request.</summary>
public class RequestReminderTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private Task SetLocalAndCheckAsync(DateOnly day, int hour, int minute) => factory.CheckRequestRemindersAtAsync(day, hour, minute);

    private async Task<int> RemindersOfAsync(Guid requestId)
    {
        await using var db = factory.CreateDbContext();
        var link = RequestLinks.Decide(requestId);
        return await db.Notifications.CountAsync(n => n.Link == link && n.Kind == nameof(RequestReminderEvent));
    }

    [Fact]
    public async Task AnUndecidedRequestIsRemindedOnceAfterOneWorkingDayAndADecidedOneNever()
    {
        // Friday 27 November 2026, 09:00 WITA.
        var friday = FakeClock.StartDay;
        Assert.Equal(DayOfWeek.Friday, friday.DayOfWeek);
        factory.SetLocal(friday, 9, 0);
        var monday = friday.AddDays(3);
        Guid waiting, decided;
        await using (var scope = await factory.ScopeForAsync("pegawai"))
        {
            waiting = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(new RequestInput { Kind = RequestKind.I, From = friday.AddDays(14), To = friday.AddDays(14), Reason = "Menghadiri wisuda adik." }, null);
            decided = await scope.ServiceProvider.GetRequiredService<SubmitRequest>().CreateAsync(new RequestInput { Kind = RequestKind.I, From = friday.AddDays(17), To = friday.AddDays(17), Reason = "Mengantar orang tua berobat." }, null);
        }
        await using (var scope = await factory.ScopeForAsync("kabid.aptika"))
        {
            var row = (await scope.ServiceProvider.GetRequiredService<RequestQueries>().ListToDecideAsync()).Single(r => r.Id == decided);
            await scope.ServiceProvider.GetRequiredService<DecideRequest>().DecideAsync(decided, false, "Sudah ada dua pegawai izin pada hari itu.", row.Version);
        }

        // Sunday night: more than two calendar days, but only the fifteen Friday hours of working time.
        await SetLocalAndCheckAsync(monday.AddDays(-1), 23, 0);
        Assert.Equal(0, await RemindersOfAsync(waiting));
        // Monday 09:00: one working day has passed.
        await SetLocalAndCheckAsync(monday, 9, 5);
        Assert.Equal(1, await RemindersOfAsync(waiting));
        await using (var db = factory.CreateDbContext())
        {
            var approver = await factory.EmployeeIdOfAsync("kabid.aptika");
            var userId = await db.Users.Where(u => u.EmployeeId == approver).Select(u => u.Id).SingleAsync();
            var link = RequestLinks.Decide(waiting);
            var reminder = await db.Notifications.SingleAsync(n => n.Link == link && n.Kind == nameof(RequestReminderEvent));
            Assert.Equal(userId, reminder.UserId);
            Assert.Contains("Pengingat", reminder.Text);
        }
        // Later checks, days later, remind no more; the decided request was never reminded of.
        await SetLocalAndCheckAsync(monday, 16, 0);
        await SetLocalAndCheckAsync(monday.AddDays(1), 9, 30);
        await SetLocalAndCheckAsync(monday.AddDays(2), 10, 0);
        Assert.Equal(1, await RemindersOfAsync(waiting));
        Assert.Equal(0, await RemindersOfAsync(decided));
    }
}
