namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>
/// Arithmetic on the working-day calendar (a unit's schedule and the holiday book, given as a predicate), in office
/// time. "N working days" after a moment is N × 24 hours counted only on working days: Friday 10:00 plus one working
/// day is Monday 10:00. See docs/domain/reminders.md.
/// </summary>
public static class WorkingTime
{
    /// <summary>A calendar with no working day for a year still ends, at the end of that year.</summary>
    private const int MaxDaysAhead = 366;

    /// <summary>The local time when <paramref name="span"/> of working time has passed since <paramref name="startLocal"/>.</summary>
    public static DateTime Add(DateTime startLocal, TimeSpan span, Func<DateOnly, bool> isWorkingDay)
    {
        var remaining = span;
        var cursor = startLocal;
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

    /// <summary>The local time when <paramref name="days"/> whole working days have passed since <paramref name="startLocal"/>.</summary>
    public static DateTime AddDays(DateTime startLocal, int days, Func<DateOnly, bool> isWorkingDay) =>
        Add(startLocal, TimeSpan.FromDays(days), isWorkingDay);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/> (0 is the day itself).</summary>
    public static DateOnly NextWorkingDay(DateOnly day, int count, Func<DateOnly, bool> isWorkingDay)
    {
        var cursor = day;
        for (var i = 0; count > 0 && i <= MaxDaysAhead; i++)
        {
            cursor = cursor.AddDays(1);
            if (isWorkingDay(cursor))
            {
                count--;
            }
        }
        return cursor;
    }

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int WorkingDaysAfter(DateOnly from, DateOnly to, Func<DateOnly, bool> isWorkingDay)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (isWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }
}
