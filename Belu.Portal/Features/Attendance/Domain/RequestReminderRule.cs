namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>
/// When an undecided request is due for its one reminder: once a whole working day (24 hours counted only on working
/// days, in office time) has passed since it was submitted. Weekends and holidays do not count, so a request sent on
/// Friday morning is due on Monday morning, and one sent on Saturday is due at the end of Monday.
/// See docs/domain/attendance.md, "Reminding the approver".
/// </summary>
public static class RequestReminderRule
{
    /// <summary>How much working time the approver has before he is reminded.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromDays(1);

    /// <summary>A calendar with no working day for a year still reminds, at the end of that year.</summary>
    private const int MaxDaysAhead = 366;

    /// <summary>The local (office) time at which the request submitted at <paramref name="submittedLocal"/> is due.</summary>
    public static DateTime DueLocal(DateTime submittedLocal, Func<DateOnly, bool> isWorkingDay)
    {
        var remaining = Wait;
        var cursor = submittedLocal;
        for (var i = 0; i <= MaxDaysAhead; i++)
        {
            var day = DateOnly.FromDateTime(cursor);
            var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            if (isWorkingDay(day))
            {
                var available = nextMidnight - cursor;
                if (available >= remaining)
                {
                    return cursor + remaining;
                }
                remaining -= available;
            }
            cursor = nextMidnight;
        }
        return cursor;
    }

    /// <summary>Whether the request submitted at <paramref name="submittedLocal"/> is due at <paramref name="nowLocal"/>.</summary>
    public static bool IsDue(DateTime submittedLocal, DateTime nowLocal, Func<DateOnly, bool> isWorkingDay) =>
        nowLocal >= DueLocal(submittedLocal, isWorkingDay);
}
