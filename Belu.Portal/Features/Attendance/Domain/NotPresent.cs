namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>How someone with no punch and no approved request stands at a moment of the day.</summary>
public enum NotPresentState
{
    /// <summary>A weekend or holiday: nobody is expected.</summary>
    DayOff = 0,

    /// <summary>The check-in window has not opened yet: the day has not started, nobody could have checked in.</summary>
    NotStarted = 1,

    /// <summary>The window is open (or passed) but the day is not closed: "Belum hadir", still reversible.</summary>
    Awaited = 2,

    /// <summary>The day has been closed: tanpa keterangan (TK), counted and deducted.</summary>
    Absent = 3,
}

/// <summary>
/// The rule the board reads before saying someone is missing (docs/domain/attendance.md, "The day on the board").
/// Before the check-in window opens the day has not begun, so not being there is no fault; between the opening and the
/// daily close it is awaited; only the close makes it TK.
/// </summary>
public static class NotPresent
{
    public static NotPresentState StateAt(DaySchedule? schedule, string? holidayName, DayPhase phase, TimeOnly now)
    {
        if (schedule is null || holidayName is not null)
        {
            return NotPresentState.DayOff;
        }
        return phase switch
        {
            DayPhase.Closed => NotPresentState.Absent,
            DayPhase.Future => NotPresentState.NotStarted,
            _ => CheckInWindow.StateAt(schedule, null, now) == CheckInWindowState.NotYetOpen
                ? NotPresentState.NotStarted
                : NotPresentState.Awaited,
        };
    }
}
