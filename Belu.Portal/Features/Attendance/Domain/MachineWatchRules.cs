namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>
/// When a machine's clock is off and when a machine is silent (docs/domain/adms.md, "Watching the machines";
/// decision record 0025). Pure: times are given.
/// </summary>
public static class MachineWatchRules
{
    /// <summary>
    /// What an ATTLOG upload says of the machine's clock: its newest line against the moment it arrived. With
    /// <c>Realtime=1</c> a punch is posted within seconds, so a line stamped after its own arrival proves the clock
    /// is fast; a single line (a realtime post) stamped well before it says the clock is slow. A batch of older lines
    /// is a backlog (an outage, a fetch), which says nothing of the clock: null.
    /// </summary>
    public static TimeSpan? DriftFromUpload(DateTime newestLineUtc, int lines, DateTime receivedUtc)
    {
        var drift = newestLineUtc - receivedUtc;
        return drift > TimeSpan.Zero || lines == 1 ? drift : null;
    }

    /// <summary>Whether a drift needs the admin: more than <paramref name="limit"/> either way.</summary>
    public static bool DriftTooLarge(TimeSpan drift, TimeSpan limit) => drift.Duration() > limit;

    /// <summary>
    /// How long a machine has been silent inside today's working hours, or null outside them. Silence before the
    /// day's start does not count: a machine that rested overnight is silent from the start of work, not from
    /// yesterday evening.
    /// </summary>
    /// <param name="nowLocal">The office's local time now (WITA).</param>
    /// <param name="lastSeenLocal">When the machine was last heard, local time; null: never.</param>
    /// <param name="schedule">Today's working hours; null: a day off (weekend, holiday).</param>
    public static TimeSpan? SilentInWorkingHours(DateTime nowLocal, DateTime? lastSeenLocal, DaySchedule? schedule)
    {
        if (schedule is null)
        {
            return null;
        }
        var start = nowLocal.Date + schedule.Start.ToTimeSpan();
        var end = nowLocal.Date + schedule.End.ToTimeSpan();
        if (nowLocal < start || nowLocal > end)
        {
            return null;
        }
        var from = lastSeenLocal is DateTime seen && seen > start ? seen : start;
        return nowLocal - from;
    }
}
