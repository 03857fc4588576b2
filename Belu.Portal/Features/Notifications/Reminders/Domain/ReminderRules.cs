using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Notifications.Reminders.Domain;

/// <summary>Why someone is reminded of a disposition.</summary>
public enum DispositionReminderKind
{
    /// <summary>Not opened after the configured working days.</summary>
    BelumDibaca,

    /// <summary>Its deadline is the next working day (or sooner).</summary>
    JatuhTempoBesok,

    /// <summary>Its deadline has passed and it is not finished.</summary>
    Terlambat,
}

/// <summary>A reminder due: what for, and whether it climbs to the disposer instead of going to the recipient.</summary>
public sealed record DispositionReminderDue(DispositionReminderKind Kind, bool ToDisposer);

/// <summary>What the rules need to know of a disposition, in office time.</summary>
public sealed record DispositionReminderFacts(bool Opened, bool Finished, DateTime CreatedLocal, DateOnly? Deadline);

/// <summary>The intervals of the rules, in working days (the "Reminders" configuration).</summary>
public sealed record ReminderIntervals(int UnreadAfter = 1, int DueSoon = 1, int RequestUndecidedAfter = 1, int EscalateAfter = 1);

/// <summary>
/// When a disposition or a request is due for a reminder, on a working-day calendar (the recipient's unit). Pure: the
/// scanner asks these on each check and a per-day mark keeps it to once a day. Nothing is due once the item has moved
/// (opened, finished, decided). See docs/domain/reminders.md.
/// </summary>
public static class ReminderRules
{
    /// <summary>Every reminder of the disposition due at <paramref name="nowLocal"/> (recipient's and disposer's).</summary>
    public static IReadOnlyList<DispositionReminderDue> DispositionDue(DispositionReminderFacts d, DateTime nowLocal, ReminderIntervals intervals,
        Func<DateOnly, bool> isWorkingDay)
    {
        var due = new List<DispositionReminderDue>();
        if (d.Finished)
        {
            return due;
        }
        if (!d.Opened)
        {
            if (nowLocal >= WorkingTime.AddDays(d.CreatedLocal, intervals.UnreadAfter, isWorkingDay))
            {
                due.Add(new(DispositionReminderKind.BelumDibaca, false));
            }
            if (nowLocal >= WorkingTime.AddDays(d.CreatedLocal, intervals.UnreadAfter + intervals.EscalateAfter, isWorkingDay))
            {
                due.Add(new(DispositionReminderKind.BelumDibaca, true));
            }
        }
        if (d.Deadline is not DateOnly deadline)
        {
            return due;
        }
        var today = DateOnly.FromDateTime(nowLocal);
        if (deadline > today && deadline <= WorkingTime.NextWorkingDay(today, intervals.DueSoon, isWorkingDay))
        {
            due.Add(new(DispositionReminderKind.JatuhTempoBesok, false));
        }
        else if (deadline < today)
        {
            due.Add(new(DispositionReminderKind.Terlambat, false));
            if (WorkingTime.WorkingDaysAfter(deadline, today, isWorkingDay) > intervals.EscalateAfter)
            {
                due.Add(new(DispositionReminderKind.Terlambat, true));
            }
        }
        return due;
    }

    /// <summary>
    /// Whether an undecided request climbs to the approver's superior: its own reminder (after
    /// <see cref="ReminderIntervals.RequestUndecidedAfter"/>) and then <see cref="ReminderIntervals.EscalateAfter"/> more
    /// working days have passed.
    /// </summary>
    public static bool RequestEscalationDue(DateTime submittedLocal, DateTime nowLocal, ReminderIntervals intervals, Func<DateOnly, bool> isWorkingDay) =>
        nowLocal >= WorkingTime.AddDays(submittedLocal, intervals.RequestUndecidedAfter + intervals.EscalateAfter, isWorkingDay);

    /// <summary>
    /// Whether the morning digest of <paramref name="nowLocal"/>'s day may go: a working day, at or after the digest
    /// time and before the latest time (a portal down all morning sends no "morning" digest in the afternoon).
    /// </summary>
    public static bool DigestDue(DateTime nowLocal, TimeOnly digestTime, TimeOnly latestTime, Func<DateOnly, bool> isWorkingDay)
    {
        var time = TimeOnly.FromDateTime(nowLocal);
        return time >= digestTime && time < latestTime && isWorkingDay(DateOnly.FromDateTime(nowLocal));
    }

    /// <summary>Whether reminders go at all at <paramref name="nowLocal"/>: on working days, from the digest time on.</summary>
    public static bool RemindersRun(DateTime nowLocal, TimeOnly fromTime, Func<DateOnly, bool> isWorkingDay) =>
        TimeOnly.FromDateTime(nowLocal) >= fromTime && isWorkingDay(DateOnly.FromDateTime(nowLocal));
}
