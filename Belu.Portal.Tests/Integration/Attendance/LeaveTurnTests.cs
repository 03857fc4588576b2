using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Leave;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Attendance;

/// <summary>
/// A cuti waits first for the direct superior's consideration, then for the grantor (docs/domain/leave.md): the count on
/// each one's home page and the reminder follow the turn, and the grantor's working day is counted from the consideration.
/// </summary>
public class LeaveTurnTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private async Task<string> UserNameOfAsync(int employeeId)
    {
        await using var db = factory.CreateDbContext();
        return await db.Users.Where(u => u.EmployeeId == employeeId && u.IsActive).Select(u => u.UserName!).FirstAsync();
    }

    private async Task<int> ToDecideAsync(string userName) =>
        await factory.AsAsync(userName, sp => sp.GetRequiredService<CountRequestsToDecide>().CountAsync());

    private async Task<int> RemindersAsync(Guid requestId, string userName)
    {
        await using var db = factory.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var link = RequestLinks.Decide(requestId);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.Link == link && n.Kind == nameof(RequestReminderEvent));
    }

    [Fact]
    public async Task AfterTheConsiderationTheGrantorIsCountedAndRemindedAndTheSuperiorNoLonger()
    {
        var friday = FakeClock.StartDay;
        var (monday, tuesday, wednesday) = (friday.AddDays(3), friday.AddDays(4), friday.AddDays(5));
        factory.SetLocal(friday, 9, 0);
        var id = await factory.AsAsync("pegawai", sp => sp.GetRequiredService<SubmitRequest>().CreateAsync(new RequestInput
        {
            Kind = RequestKind.C, LeaveKind = LeaveKind.Tahunan, From = friday.AddDays(17), To = friday.AddDays(18),
            Reason = "Menghadiri pernikahan adik di Kupang.", LeaveAddress = "Jl. Timor Raya No. 12, Kupang",
        }, null));
        int approverId, grantorId;
        await using (var db = factory.CreateDbContext())
        {
            var stored = await db.AttendanceRequests.SingleAsync(r => r.Id == id);
            (approverId, grantorId) = (stored.ApproverEmployeeId!.Value, stored.GrantorEmployeeId!.Value);
        }
        var (approver, grantor) = (await UserNameOfAsync(approverId), await UserNameOfAsync(grantorId));
        var (approverCount, grantorCount) = (await ToDecideAsync(approver), await ToDecideAsync(grantor));

        // Monday: a working day later, the superior is reminded.
        await factory.CheckRequestRemindersAtAsync(monday, 9, 5);
        Assert.Equal(1, await RemindersAsync(id, approver));

        // Monday 10:00, his consideration: the request leaves his count and enters the grantor's.
        factory.SetLocal(monday, 10, 0);
        await factory.AsAsync(approver, async sp =>
        {
            var row = (await sp.GetRequiredService<RequestQueries>().ListToDecideAsync()).Single(r => r.Id == id);
            await sp.GetRequiredService<DecideLeave>().ConsiderAsync(id, LeaveConsideration.Setuju, null, row.Version);
        });
        Assert.Equal(approverCount - 1, await ToDecideAsync(approver));
        Assert.Equal(grantorCount + 1, await ToDecideAsync(grantor));

        // The grantor's working day counts from the consideration: not on Tuesday morning, but after 10:00.
        await factory.CheckRequestRemindersAtAsync(tuesday, 9, 5);
        Assert.Equal(0, await RemindersAsync(id, grantor));
        await factory.CheckRequestRemindersAtAsync(tuesday, 10, 5);
        Assert.Equal(1, await RemindersAsync(id, grantor));
        // Once each: neither hears of it again.
        await factory.CheckRequestRemindersAtAsync(wednesday, 10, 5);
        Assert.Equal(1, await RemindersAsync(id, grantor));
        Assert.Equal(1, await RemindersAsync(id, approver));
    }
}
