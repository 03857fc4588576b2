using System.Globalization;

namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>Working hours of one weekday.</summary>
public sealed record DayHours(TimeOnly Start, TimeOnly End)
{
    public static DayHours Parse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new FormatException($"Jam kerja '{text}' harus berbentuk HH:mm-HH:mm.");
        }
        var start = TimeOnly.ParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture);
        var end = TimeOnly.ParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture);
        return end > start ? new DayHours(start, end) : throw new FormatException($"Jam pulang '{text}' harus setelah jam masuk.");
    }

    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}

/// <summary>
/// The schedule of one working day in local time: the start and end of work, and the windows in which a punch counts.
/// A punch before <see cref="CheckInUntil"/> can be the check-in; the last punch of the day is the check-out.
/// </summary>
public sealed record DaySchedule(TimeOnly Start, TimeOnly End, TimeOnly CheckInFrom, TimeOnly CheckInUntil, TimeOnly CheckOutUntil);

/// <summary>A week of working hours with its punch windows; days absent from <see cref="Days"/> are off.</summary>
public sealed record WeekSchedule(IReadOnlyDictionary<DayOfWeek, DayHours> Days, TimeOnly CheckInFrom, TimeOnly CheckInUntil, TimeOnly CheckOutUntil)
{
    public DaySchedule? For(DayOfWeek day) =>
        Days.TryGetValue(day, out var hours) ? new DaySchedule(hours.Start, hours.End, CheckInFrom, CheckInUntil, CheckOutUntil) : null;

    /// <summary>Hours of work in the week, minus the breaks (60 min Mon–Thu, 90 min Fri by Perpres 21/2023).</summary>
    public double NetHours(Func<DayOfWeek, TimeSpan> breakOf) =>
        Days.Sum(d => (d.Value.End - d.Value.Start - breakOf(d.Key)).TotalHours);
}

/// <summary>A schedule as the admin keeps it: for a unit (or everyone), standing or for a date range (Ramadan).</summary>
public sealed record ScheduleEntry(Guid Id, string Name, int? UnitId, DateOnly? From, DateOnly? To, WeekSchedule Week)
{
    public bool IsOverride => From is not null || To is not null;

    public bool Covers(DateOnly date) => (From is not DateOnly f || date >= f) && (To is not DateOnly t || date <= t);
}

/// <summary>
/// Finds the schedule of a unit on a date. A date-ranged override beats a standing schedule; a nearer unit beats
/// its ancestors; a schedule for everyone (no unit) comes last; the configured default when the book is empty.
/// </summary>
public sealed class ScheduleBook(IReadOnlyList<ScheduleEntry> entries, WeekSchedule fallback)
{
    public WeekSchedule Fallback => fallback;

    /// <param name="unitAncestry">The employee's unit first, then its parents up to the root.</param>
    public DaySchedule? For(DateOnly date, IReadOnlyList<int> unitAncestry) => WeekFor(date, unitAncestry).For(date.DayOfWeek);

    public WeekSchedule WeekFor(DateOnly date, IReadOnlyList<int> unitAncestry)
    {
        foreach (var overrides in new[] { true, false })
        {
            foreach (int? unit in unitAncestry.Select(u => (int?)u).Append(null))
            {
                var match = entries
                    .Where(e => e.IsOverride == overrides && e.UnitId == unit && e.Covers(date))
                    .OrderByDescending(e => e.From ?? DateOnly.MinValue)
                    .FirstOrDefault();
                if (match is not null)
                {
                    return match.Week;
                }
            }
        }
        return fallback;
    }
}
