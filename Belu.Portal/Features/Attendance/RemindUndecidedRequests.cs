using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Reminds whoever's turn it is (<see cref="RequestTurn"/>: the approver, or the grantor once a cuti has its
/// consideration) of a request still undecided one working day after his turn began
/// (<c>Reminders:RequestUndecidedWorkingDays</c>; <see cref="RequestReminderRule"/>), counted on his unit's calendar
/// (its schedule and the holiday book). A consideration starts the grantor's turn with the reminder unsent. Each request is claimed with a conditional update
/// (ReminderSentUtc from null to now) in the same transaction as its outbox event and announced after that commits:
/// a second run, a restart or a second instance never reminds of the same request twice.
/// </summary>
public sealed class RemindUndecidedRequests(
    IDbContextFactory<PortalDbContext> dbFactory,
    AttendanceEngine engine,
    OfficeClock clock,
    Announcer announcer,
    Microsoft.Extensions.Options.IOptions<Notifications.Reminders.ReminderOptions> options)
{
    /// <summary>Reminds of every request that is due and not reminded of yet; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var nowUtc = clock.UtcNow;
        var wait = TimeSpan.FromDays(options.Value.RequestUndecidedWorkingDays);
        // No request can be due before as many calendar days have passed: the rule counts 24 hours of working days each.
        var earliestDue = nowUtc - wait;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await RequestTurn.Pending(db).AsNoTracking()
            .Where(t => t.Request.ReminderSentUtc == null && t.StartedUtc <= earliestDue)
            .OrderBy(t => t.StartedUtc).Take(500)
            .Select(t => new { t.Request, t.HolderId, t.StartedUtc, HolderUnitId = db.Employees.Where(e => e.Id == t.HolderId).Select(e => e.UnitId).First() })
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var firstDay = DateOnly.FromDateTime(clock.ToLocal(waiting.Min(w => w.StartedUtc)));
        var book = await engine.LoadBookAsync(db, firstDay, clock.Today, ct);
        var nowLocal = clock.ToLocal(nowUtc);
        var reminded = 0;
        foreach (var w in waiting)
        {
            if (!RequestReminderRule.IsDue(clock.ToLocal(w.StartedUtc), nowLocal, day => book.IsWorkingDay(w.HolderUnitId, day), wait))
            {
                continue;
            }
            var reminder = await RequestNotices.ReminderAsync(db, w.Request, w.HolderId, nowUtc, ct);
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var claimed = await db.AttendanceRequests
                    .Where(r => r.Id == w.Request.Id && r.ReminderSentUtc == null && r.Status == RequestStatus.Diajukan)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentUtc, nowUtc), ct);
                if (claimed != 1)
                {
                    continue;
                }
                // Stored with the claim: a crash before publishing leaves the reminder in the outbox, not lost.
                await announcer.SaveAndAnnounceAsync(db, transaction, [reminder], ct);
            }
            reminded++;
        }
        return reminded;
    }
}
