using Belu.Portal.Features.Attendance;

namespace Belu.Portal.Bench.Common;

/// <summary>
/// A schedule override for today only (WITA), every weekday, with the punch window open all day, so that a benchmark
/// punches whatever the hour it runs at. <paramref name="workStart"/> decides whether its check-ins are on time
/// (23:58) or late (00:00).
/// </summary>
internal static class TodaySchedule
{
    public static WorkSchedule AllDay(string name, TimeOnly workStart)
    {
        var witaToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
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
