namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>Where a moment of a day stands against its punch window.</summary>
public enum CheckInWindowState
{
    DayOff = 0,
    NotYetOpen = 1,
    Open = 2,
    Closed = 3,
}

/// <summary>
/// The one rule of when a punch counts (docs/domain/attendance.md, "Punch window" and "Minutes"): from the first
/// minute of the check-in window to the last minute of the check-out window, times truncated to the minute. The page's
/// button, the web and kiosk check-in (refused outside it) and the classifier (machine punches outside it are kept
/// but never counted) all ask this.
/// </summary>
public static class CheckInWindow
{
    /// <summary>A punch time as every rule reads it: seconds and below dropped (07:30:59 → 07:30).</summary>
    public static TimeOnly ToMinute(TimeOnly time) => new(time.Hour, time.Minute);

    public static CheckInWindowState StateAt(DaySchedule? schedule, string? holidayName, TimeOnly time)
    {
        if (schedule is null || holidayName is not null)
        {
            return CheckInWindowState.DayOff;
        }
        var minute = ToMinute(time);
        return minute < schedule.CheckInFrom ? CheckInWindowState.NotYetOpen
            : minute > schedule.CheckOutUntil ? CheckInWindowState.Closed
            : CheckInWindowState.Open;
    }

    /// <summary>Whether a punch at <paramref name="time"/> counts on a working day of <paramref name="schedule"/>.</summary>
    public static bool Counts(DaySchedule schedule, TimeOnly time) => StateAt(schedule, null, time) == CheckInWindowState.Open;

    /// <summary>Why a punch at this moment is refused, in the words the page and the API both show; null when it counts.</summary>
    public static string? Refusal(DaySchedule? schedule, string? holidayName, TimeOnly time) => StateAt(schedule, holidayName, time) switch
    {
        CheckInWindowState.DayOff => holidayName is not null ? $"Hari ini libur: {holidayName}. Tidak perlu absen." : "Hari ini bukan hari kerja. Tidak perlu absen.",
        CheckInWindowState.NotYetOpen => $"Absen masuk dibuka pukul {schedule!.CheckInFrom:HH\\:mm}.",
        CheckInWindowState.Closed => $"Jendela absen hari ini sudah ditutup pukul {schedule!.CheckOutUntil:HH\\:mm}.",
        _ => null,
    };

    /// <summary>
    /// How many minutes before the end of the working day a check-out at <paramref name="time"/> is (the minutes PSW
    /// counts, times truncated to the minute); 0 from the end on. The kiosk asks before it records such a check-out.
    /// </summary>
    public static int EarlyLeaveMinutes(DaySchedule schedule, TimeOnly time)
    {
        var minute = ToMinute(time);
        return minute < schedule.End ? (int)(schedule.End - minute).TotalMinutes : 0;
    }
}
