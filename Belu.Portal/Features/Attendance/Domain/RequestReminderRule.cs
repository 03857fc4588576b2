namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>
/// When an undecided request is due for its one reminder: once a whole working day (24 hours counted only on working
/// days, in office time; <c>Reminders:RequestUndecidedWorkingDays</c>) has passed since it was submitted. Weekends and
/// holidays do not count, so a request sent on Friday morning is due on Monday morning, and one sent on Saturday is due
/// at the end of Monday.
/// See docs/domain/attendance.md, "Reminding the approver".
/// </summary>
public static class RequestReminderRule
{
    /// <summary>How much working time the approver has before he is reminded.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromDays(1);

    /// <summary>The local (office) time at which the request submitted at <paramref name="submittedLocal"/> is due.</summary>
    public static DateTime DueLocal(DateTime submittedLocal, Func<DateOnly, bool> isWorkingDay, TimeSpan? wait = null) =>
        WorkingTime.Add(submittedLocal, wait ?? Wait, isWorkingDay);

    /// <summary>Whether the request submitted at <paramref name="submittedLocal"/> is due at <paramref name="nowLocal"/>.</summary>
    public static bool IsDue(DateTime submittedLocal, DateTime nowLocal, Func<DateOnly, bool> isWorkingDay, TimeSpan? wait = null) =>
        nowLocal >= DueLocal(submittedLocal, isWorkingDay, wait);
}
