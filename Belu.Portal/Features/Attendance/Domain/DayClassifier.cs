namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>Where a day stands relative to now: not yet begun, in progress (today), or over.</summary>
public enum DayPhase
{
    Future = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>Everything the classifier needs to know about one employee's day, in local (office) time.</summary>
/// <param name="Schedule">Null when the weekday is not a working day.</param>
/// <param name="HolidayName">Libur nasional or cuti bersama falling on the day.</param>
/// <param name="ApprovedRequest">An approved DL/C/S/I covering the day.</param>
/// <param name="Punches">Local times of the day's punches, in any order.</param>
/// <param name="Now">The local time of day, used only while the day is open.</param>
/// <param name="Correction">A code set by an administrator, with a reason kept in the audit trail.</param>
public sealed record DayInput(
    DateOnly Date,
    DaySchedule? Schedule,
    DayPhase Phase,
    IReadOnlyList<TimeOnly> Punches,
    string? HolidayName = null,
    RequestKind? ApprovedRequest = null,
    TimeOnly? Now = null,
    AttendanceCode? Correction = null);

/// <summary>
/// A classified day. <see cref="Code"/> is the main code (the late code when late, else the early code, else H);
/// <see cref="Late"/> and <see cref="Early"/> are both kept because a day can be late and left early, and both cost TPP.
/// </summary>
public sealed record DayResult(
    AttendanceCode Code,
    AttendanceCode? Late = null,
    AttendanceCode? Early = null,
    int LateMinutes = 0,
    int EarlyMinutes = 0,
    TimeOnly? CheckIn = null,
    TimeOnly? CheckOut = null)
{
    /// <summary>The codes that carry a TPP deduction or count in the recap for this day.</summary>
    public IEnumerable<AttendanceCode> CountedCodes
    {
        get
        {
            if (Late is null && Early is null)
            {
                if (Code is not (AttendanceCode.Libur or AttendanceCode.Belum))
                {
                    yield return Code;
                }
                yield break;
            }
            if (Late is AttendanceCode late)
            {
                yield return late;
            }
            if (Early is AttendanceCode early)
            {
                yield return early;
            }
        }
    }

    /// <summary>"TL1", "TL1·PSW4", "H": what a calendar cell shows.</summary>
    public string Display => Late is not null && Early is not null ? $"{Late}·{Early}" : Code.Short();

    public bool IsPresent => CheckIn is not null || CheckOut is not null;
}

/// <summary>Minute bands: [30, 60, 90] means 1–30 → level 1, 31–60 → 2, 61–90 → 3, more → 4.</summary>
public sealed record ClassificationRules(IReadOnlyList<int> LateBands, IReadOnlyList<int> EarlyBands)
{
    public static readonly ClassificationRules Default = new([30, 60, 90], [30, 60, 90]);

    /// <summary>1-based level of a positive number of minutes, or 0 for none.</summary>
    public static int Level(int minutes, IReadOnlyList<int> bands)
    {
        if (minutes <= 0)
        {
            return 0;
        }
        for (var i = 0; i < bands.Count; i++)
        {
            if (minutes <= bands[i])
            {
                return i + 1;
            }
        }
        return bands.Count + 1;
    }
}

/// <summary>The daily classifier (docs/domain/attendance.md): a pure function of the day's facts.</summary>
public static class DayClassifier
{
    public static DayResult Classify(DayInput day, ClassificationRules rules)
    {
        if (day.Correction is AttendanceCode corrected)
        {
            return new DayResult(corrected, corrected.IsLate() ? corrected : null, corrected.IsEarly() ? corrected : null);
        }
        // A weekend or holiday stays a day off even inside an approved request's range: it counts in no total.
        if (day.Schedule is not DaySchedule schedule || day.HolidayName is not null)
        {
            return new DayResult(AttendanceCode.Libur);
        }
        if (day.ApprovedRequest is RequestKind request)
        {
            return new DayResult(request.ToCode());
        }
        if (day.Phase == DayPhase.Future)
        {
            return new DayResult(AttendanceCode.Belum);
        }

        // Every punch is truncated to the minute before any rule, as machines and reports show HH:MM.
        var counted = day.Punches
            .Select(CheckInWindow.ToMinute)
            .Where(p => CheckInWindow.Counts(schedule, p))
            .Order()
            .ToList();
        TimeOnly? checkIn = counted.Count > 0 && counted[0] < schedule.CheckInUntil ? counted[0] : null;
        TimeOnly? checkOut = counted.Count switch
        {
            0 => null,
            1 => checkIn is null ? counted[0] : null,
            _ => counted[^1],
        };

        if (checkIn is null && checkOut is null)
        {
            return new DayResult(day.Phase == DayPhase.Closed ? AttendanceCode.TK : AttendanceCode.Belum);
        }

        // Whole minutes of truncated times: 07:30:59 is on time, 07:31:00 one minute late, 15:29:05 before 16:00 is 31 early.
        var lateMinutes = checkIn is TimeOnly i ? Math.Max(0, (int)(i.ToTimeSpan() - schedule.Start.ToTimeSpan()).TotalMinutes) : 0;
        AttendanceCode? late = checkIn is null
            ? AttendanceCode.TL4
            : Level(lateMinutes, rules.LateBands, AttendanceCodes.Late);

        var dayIsOver = day.Phase == DayPhase.Closed || (day.Now is TimeOnly now && CheckInWindow.StateAt(schedule, null, now) == CheckInWindowState.Closed);
        var earlyMinutes = 0;
        AttendanceCode? early = null;
        if (checkOut is TimeOnly co)
        {
            earlyMinutes = co >= schedule.End ? 0 : (int)(schedule.End.ToTimeSpan() - co.ToTimeSpan()).TotalMinutes;
            early = Level(earlyMinutes, rules.EarlyBands, AttendanceCodes.Early);
            // While the day is open a check-out may still come later; an early one is not final yet.
            if (!dayIsOver && early is not null)
            {
                (early, earlyMinutes) = (null, 0);
            }
        }
        else if (dayIsOver)
        {
            early = AttendanceCode.PSW4;
        }

        var code = late ?? early ?? AttendanceCode.H;
        return new DayResult(code, late, early, lateMinutes, earlyMinutes, checkIn, checkOut);
    }

    private static AttendanceCode? Level(int minutes, IReadOnlyList<int> bands, IReadOnlyList<AttendanceCode> codes)
    {
        var level = ClassificationRules.Level(minutes, bands);
        return level == 0 ? null : codes[Math.Min(level, codes.Count) - 1];
    }
}
