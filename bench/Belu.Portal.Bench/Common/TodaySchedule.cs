using Belu.Portal.Features.Attendance;

namespace Belu.Portal.Bench.Common;

/// <summary>
/// A schedule override for today only (WITA), every weekday, with the punch window open all day, so that a benchmark
/// punches whatever the hour it runs at. <paramref name="workStart"/> decides whether its check-ins are on time
/// (23:58) or late (00:00).
/// </summary>
internal static class TodaySchedule
{
    private static readonly TimeZoneInfo Office = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    /// <summary>Today in the office's time zone (WITA), by the system's clock: a benchmark runs on real time.</summary>
    public static DateOnly Today(TimeProvider? time = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime((time ?? TimeProvider.System).GetUtcNow(), Office).DateTime);

    public static WorkSchedule AllDay(string name, TimeOnly workStart)
    {
        var witaToday = Today();
        var schedule = new WorkSchedule
        {
            Name = name,
            From = witaToday,
            To = witaToday,
            CheckInFrom = new TimeOnly(0, 0),
            CheckInUntil = new TimeOnly(23, 58),
            CheckOutUntil = new TimeOnly(23, 59, 59),
        };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            schedule.Days.Add(new WorkScheduleDay { DayOfWeek = day, Start = workStart, End = new TimeOnly(23, 59) });
        }
        return schedule;
    }
}
