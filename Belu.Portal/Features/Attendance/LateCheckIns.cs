using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Attendance;

/// <summary>Which punches of a batch are today's first check-in, late: the notices their leaders are owed.</summary>
internal static class LateCheckIns
{
    /// <summary>
    /// Today's first check-ins among these punches that are late: one notice each, for the employee's superior and the
    /// unit's board. Someone on approved duty or leave who passes by the machine is not late.
    /// </summary>
    public static async Task<List<CheckedInLateEvent>> FindAsync(PortalDbContext db, OfficeClock clock, Dictionary<int, StaffMember> byId, AttendanceBook book,
        Dictionary<(int, DateOnly), (List<DateTime> Before, List<DateTime> Added)> todays, CancellationToken ct)
    {
        var candidates = new List<(StaffMember Member, DateOnly Date, DayResult Result, TimeOnly CheckIn)>();
        foreach (var ((employeeId, date), (before, added)) in todays)
        {
            if (!byId.TryGetValue(employeeId, out var member) || book.ScheduleOf(member.UnitId, date) is not DaySchedule schedule || book.HolidayOn(date) is not null)
            {
                continue;
            }
            var resultBefore = Classify(clock, before, schedule, date, book);
            var resultAfter = Classify(clock, [.. before, .. added], schedule, date, book);
            if (resultBefore.CheckIn is not null || resultAfter.CheckIn is not TimeOnly checkIn || resultAfter.LateMinutes <= 0)
            {
                continue;
            }
            candidates.Add((member, date, resultAfter, checkIn));
        }
        var notices = new List<CheckedInLateEvent>();
        if (candidates.Count == 0)
        {
            return notices;
        }
        // Only today's punches are in `todays`, so every candidate is of one date.
        var day = candidates[0].Date;
        var ids = candidates.Select(c => c.Member.Id).ToList();
        var excused = await AttendanceEngine.OnApprovedRequestAsync(db, ids, day, ct);
        foreach (var (member, date, result, checkIn) in candidates.Where(c => !excused.Contains(c.Member.Id)))
        {
            notices.Add(new CheckedInLateEvent(member.Id, member.Name, result.LateMinutes, date, checkIn)
            {
                AtUtc = clock.UtcNow,
                UnitId = member.UnitId,
                RecipientEmployeeIds = member.SuperiorId is int superior ? [superior] : [],
            });
        }
        return notices;
    }

    private static DayResult Classify(OfficeClock clock, List<DateTime> punches, DaySchedule schedule, DateOnly date, AttendanceBook book) =>
        DayClassifier.Classify(new DayInput(date, schedule, DayPhase.Open,
            punches.Select(p => TimeOnly.FromDateTime(clock.ToLocal(p))).ToList(), Now: TimeOnly.FromDateTime(clock.LocalNow)), book.Rules);
}
