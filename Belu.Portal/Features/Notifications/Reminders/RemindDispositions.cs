using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications.Reminders.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Notifications.Reminders;

/// <summary>
/// Reminds of dispositions that have not moved (<see cref="ReminderRules.DispositionDue"/>): unread after the
/// configured working days, due on the next working day, or overdue, to the recipient; unread or overdue longer, to the
/// disposer. Each reminder is claimed by a per-day mark in the transaction of its outbox event, so nobody hears of the
/// same thing twice in a day; once the disposition is opened or finished, the rule stops finding it.
/// </summary>
public sealed class RemindDispositions(
    IDbContextFactory<PortalDbContext> dbFactory,
    AttendanceEngine engine,
    OfficeClock clock,
    Announcer announcer,
    IOptions<ReminderOptions> options)
{
    /// <summary>Sends every disposition reminder due now and not sent today; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        if (ReminderMoment.Of(options.Value, clock) is not { } now)
        {
            return 0;
        }
        var (nowUtc, nowLocal, o, intervals) = now;
        var today = now.Today;
        // Working days are never shorter than calendar days, and no deadline more than a month away is "due soon".
        var unreadBefore = nowUtc.AddDays(-intervals.UnreadAfter);
        var soonLimit = today.AddDays(31);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Dispositions.AsNoTracking()
            .Where(d => (d.Status == DispositionStatus.Baru || d.Status == DispositionStatus.Dibaca || d.Status == DispositionStatus.Diproses)
                && ((d.Status == DispositionStatus.Baru && d.CreatedAtUtc <= unreadBefore) || (d.Deadline != null && d.Deadline <= soonLimit)))
            .Select(d => new
            {
                d.Id, d.LetterId, d.Status, d.CreatedAtUtc, d.Deadline, d.FromEmployeeId, d.ToEmployeeId,
                ToUnitId = d.ToEmployee!.UnitId, FromUnitId = d.FromEmployee!.UnitId, RecipientName = d.ToEmployee.Name,
                d.Letter!.AgendaNumber, d.Letter.Subject, d.Letter.Security,
            })
            .ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }
        var firstDay = DateOnly.FromDateTime(clock.ToLocal(open.Min(d => d.CreatedAtUtc)));
        var earliestDeadline = open.Where(d => d.Deadline != null).Select(d => d.Deadline!.Value).DefaultIfEmpty(today).Min();
        var book = await engine.LoadBookAsync(db, firstDay < earliestDeadline ? firstDay : earliestDeadline, soonLimit.AddDays(31), ct);
        var marked = (await db.ReminderMarks.Where(m => m.Day == today && m.Key.StartsWith("disposisi-")).Select(m => m.Key).ToListAsync(ct)).ToHashSet();

        var due = new List<(string Key, DispositionReminder Reminder)>();
        foreach (var d in open)
        {
            bool RecipientWorks(DateOnly day) => book.IsWorkingDay(d.ToUnitId, day);
            var facts = new DispositionReminderFacts(d.Status != DispositionStatus.Baru, false, clock.ToLocal(d.CreatedAtUtc), d.Deadline);
            foreach (var reminder in ReminderRules.DispositionDue(facts, nowLocal, intervals, RecipientWorks))
            {
                var key = ReminderMarks.Disposition(d.Id, reminder.Kind, reminder.ToDisposer);
                var unitOfTarget = reminder.ToDisposer ? d.FromUnitId : d.ToUnitId;
                if (marked.Contains(key) || !ReminderRules.RemindersRun(nowLocal, o.DigestTime, day => book.IsWorkingDay(unitOfTarget, day)))
                {
                    continue;
                }
                due.Add((key, new DispositionReminder
                {
                    AtUtc = nowUtc,
                    LetterId = d.LetterId,
                    AgendaNumber = d.AgendaNumber,
                    Subject = d.Security.IsSecret() ? null : d.Subject,
                    DispositionId = d.Id,
                    Reason = reminder.Kind,
                    Escalated = reminder.ToDisposer,
                    RecipientName = d.RecipientName,
                    Deadline = d.Deadline,
                    RecipientEmployeeIds = [reminder.ToDisposer ? d.FromEmployeeId : d.ToEmployeeId],
                }));
            }
        }

        var count = 0;
        // A hundred to a transaction: a regency's morning is a few thousand rows, not one long lock.
        foreach (var chunk in due.Chunk(100))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = new List<PortalEvent>();
            foreach (var (key, reminder) in chunk)
            {
                if (await ReminderMarks.ClaimAsync(db, key, today, nowUtc, ct))
                {
                    claimed.Add(reminder);
                }
            }
            // Stored with its marks: a crash before publishing leaves the reminders in the outbox, not lost nor repeated.
            await announcer.SaveAndAnnounceAsync(db, transaction, claimed, ct);
            count += claimed.Count;
        }
        return count;
    }
}
