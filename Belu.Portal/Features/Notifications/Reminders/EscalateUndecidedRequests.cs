using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Notifications.Reminders.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Notifications.Reminders;

/// <summary>
/// A request left undecided by whoever's turn it is (<see cref="RequestTurn"/>: the approver, or the grantor once a cuti
/// has its consideration) after his own reminder (<see cref="RemindUndecidedRequests"/>) and
/// <see cref="ReminderOptions.EscalateAfterWorkingDays"/> more working days climbs to his superior, once a working day
/// until it is decided or withdrawn (a per-day mark claimed with the outbox event).
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
            from t in RequestTurn.Pending(db).AsNoTracking()
            join holder in db.Employees on t.HolderId equals holder.Id
            join requester in db.Employees on t.Request.EmployeeId equals requester.Id
            where t.StartedUtc <= before && holder.SuperiorId != null
            orderby t.StartedUtc
            select new
            {
                t.Request.Id, t.Request.Kind, t.Request.From, t.Request.To, t.StartedUtc, HolderName = holder.Name, HolderUnitId = holder.UnitId,
                SuperiorId = holder.SuperiorId!.Value, RequesterName = requester.Name, RequesterUnitId = requester.UnitId,
            }).Take(500).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var book = await engine.LoadBookAsync(db, DateOnly.FromDateTime(clock.ToLocal(waiting[0].StartedUtc)), today, ct);
        var count = 0;
        foreach (var w in waiting)
        {
            bool HolderWorks(DateOnly day) => book.IsWorkingDay(w.HolderUnitId, day);
            if (!ReminderRules.RemindersRun(nowLocal, o.DigestTime, HolderWorks)
                || !ReminderRules.RequestEscalationDue(clock.ToLocal(w.StartedUtc), nowLocal, intervals, HolderWorks))
            {
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await ReminderMarks.ClaimAsync(db, ReminderMarks.RequestEscalation(w.Id), today, nowUtc, ct))
            {
                continue;
            }
            var escalated = new RequestEscalated(w.Id, w.Kind, w.From, w.To, w.RequesterName, w.HolderName)
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
