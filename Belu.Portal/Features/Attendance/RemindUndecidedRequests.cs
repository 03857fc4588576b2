using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Reminds approvers of requests still undecided after one working day (<c>Reminders:RequestUndecidedWorkingDays</c>;
/// <see cref="RequestReminderRule"/>), counted on the approver's unit calendar (its schedule and the holiday book). Each request is claimed with a conditional update
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
        var waiting = await db.AttendanceRequests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.Diajukan && r.ReminderSentUtc == null && r.ApproverEmployeeId != null && r.CreatedUtc <= earliestDue)
            .OrderBy(r => r.CreatedUtc).Take(500)
            .Select(r => new { Request = r, ApproverUnitId = db.Employees.Where(e => e.Id == r.ApproverEmployeeId).Select(e => e.UnitId).First() })
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var firstDay = DateOnly.FromDateTime(clock.ToLocal(waiting.Min(w => w.Request.CreatedUtc)));
        var book = await engine.LoadBookAsync(db, firstDay, clock.Today, ct);
        var nowLocal = clock.ToLocal(nowUtc);
        var reminded = 0;
        foreach (var w in waiting)
        {
            if (!RequestReminderRule.IsDue(clock.ToLocal(w.Request.CreatedUtc), nowLocal, day => book.IsWorkingDay(w.ApproverUnitId, day), wait))
            {
                continue;
            }
            var reminder = await RequestNotices.ReminderAsync(db, w.Request, nowUtc, ct);
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
