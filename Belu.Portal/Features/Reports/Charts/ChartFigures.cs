using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Reports.Charts;

/// <summary>One bar or slice: a label and its value.</summary>
public sealed record ChartPoint(string Label, int Value);

/// <summary>The month's working days and, for each, how many were on time, late and absent without notice.</summary>
public sealed record AttendanceTrend(IReadOnlyList<DateOnly> Days, IReadOnlyList<int> OnTime, IReadOnlyList<int> Late, IReadOnlyList<int> Absent);

/// <summary>The figures the attendance charts draw, from the recap grid the page already holds (and scope-checked).</summary>
public static class AttendanceFigures
{
    /// <summary>
    /// Per working day up to <paramref name="until"/>: on time (H, as the recap counts it: neither late nor early),
    /// late (a TL code), absent (TK). Early leave alone, duty, leave, sick and permission count in none of them.
    /// </summary>
    public static AttendanceTrend Trend(RecapGrid grid, DateOnly until)
    {
        var days = new List<DateOnly>();
        List<int> onTime = [], late = [], absent = [];
        for (var i = 0; i < grid.Days.Count; i++)
        {
            var day = grid.Days[i];
            if (!day.IsWorkingDay || day.Date > until)
            {
                continue;
            }
            var results = grid.Rows.Select(r => r.Days[i]).OfType<DayResult>().ToList();
            days.Add(day.Date);
            onTime.Add(results.Count(r => r.Code == AttendanceCode.H));
            late.Add(results.Count(r => r.Late is not null));
            absent.Add(results.Count(r => r.Code == AttendanceCode.TK));
        }
        return new AttendanceTrend(days, onTime, late, absent);
    }

    /// <summary>The units with the most late arrivals in the month, most first; units without any are left out.</summary>
    public static IReadOnlyList<ChartPoint> TopLateUnits(RecapGrid grid, int take = 8) =>
        grid.Rows.GroupBy(r => r.UnitName)
            .Select(g => new ChartPoint(g.Key, g.Sum(r => r.Days.Count(d => d?.Late is not null))))
            .Where(p => p.Value > 0)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Label, StringComparer.Ordinal)
            .Take(take)
            .ToList();
}
