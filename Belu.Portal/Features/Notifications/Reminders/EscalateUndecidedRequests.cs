using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Notifications.Reminders.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Notifications.Reminders;

/// <summary>
/// A request its approver has left undecided after his own reminder (<see cref="RemindUndecidedRequests"/>) and
/// <see cref="ReminderOptions.EscalateAfterWorkingDays"/> more working days climbs to the approver's superior, once a
/// working day until it is decided or withdrawn (a per-day mark claimed with the outbox event).
/// </summary>
public sealed class EscalateUndecidedRequests(
    IDbContextFactory<PortalDbContext> dbFactory,
    AttendanceEngine engine,
    OfficeClock clock,
    Announcer announcer,
    IOptions<ReminderOptions> options)
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        if (ReminderMoment.Of(options.Value, clock) is not { } now)
        {
            return 0;
        }
        var (nowUtc, nowLocal, o, intervals) = now;
        var today = now.Today;
        var before = nowUtc.AddDays(-(intervals.RequestUndecidedAfter + intervals.EscalateAfter));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await (
            from r in db.AttendanceRequests.AsNoTracking()
            join approver in db.Employees on r.ApproverEmployeeId equals approver.Id
            join requester in db.Employees on r.EmployeeId equals requester.Id
            where r.Status == RequestStatus.Diajukan && r.CreatedUtc <= before && approver.SuperiorId != null
            orderby r.CreatedUtc
            select new
            {
                r.Id, r.Kind, r.From, r.To, r.CreatedUtc, ApproverName = approver.Name, ApproverUnitId = approver.UnitId,
                SuperiorId = approver.SuperiorId!.Value, RequesterName = requester.Name, RequesterUnitId = requester.UnitId,
            }).Take(500).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var book = await engine.LoadBookAsync(db, DateOnly.FromDateTime(clock.ToLocal(waiting[0].CreatedUtc)), today, ct);
        var count = 0;
        foreach (var w in waiting)
        {
            bool ApproverWorks(DateOnly day) => book.IsWorkingDay(w.ApproverUnitId, day);
            if (!ReminderRules.RemindersRun(nowLocal, o.DigestTime, ApproverWorks)
                || !ReminderRules.RequestEscalationDue(clock.ToLocal(w.CreatedUtc), nowLocal, intervals, ApproverWorks))
            {
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await ReminderMarks.ClaimAsync(db, ReminderMarks.RequestEscalation(w.Id), today, nowUtc, ct))
            {
                continue;
            }
            var escalated = new RequestEscalated(w.Id, w.Kind, w.From, w.To, w.RequesterName, w.ApproverName)
            {
                AtUtc = nowUtc,
                RecipientEmployeeIds = [w.SuperiorId],
                UnitId = w.RequesterUnitId,
            };
            await announcer.SaveAndAnnounceAsync(db, transaction, [escalated], ct);
            count++;
        }
        return count;
    }
}
