namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>
/// TPP deduction percentages per code (a region's Perbup; defaults from Permentan 68/2012), summed per month
/// and capped.
/// </summary>
public sealed class PenaltyTable(IReadOnlyDictionary<AttendanceCode, decimal> rates, decimal monthlyCapPercent = 100m)
{
    public static readonly IReadOnlyDictionary<AttendanceCode, decimal> DefaultRates = new Dictionary<AttendanceCode, decimal>
    {
        [AttendanceCode.TL1] = 0.5m, [AttendanceCode.TL2] = 1m, [AttendanceCode.TL3] = 1.5m, [AttendanceCode.TL4] = 2m,
        [AttendanceCode.PSW1] = 0.5m, [AttendanceCode.PSW2] = 1m, [AttendanceCode.PSW3] = 1.5m, [AttendanceCode.PSW4] = 2m,
        [AttendanceCode.TK] = 4m,
        [AttendanceCode.DL] = 0m, [AttendanceCode.C] = 0m, [AttendanceCode.S] = 0m, [AttendanceCode.I] = 0m,
    };

    public decimal MonthlyCapPercent => monthlyCapPercent;

    public decimal RateOf(AttendanceCode code) => rates.TryGetValue(code, out var rate) ? rate : 0m;

    public decimal ForDay(DayResult day) => day.CountedCodes.Sum(RateOf);

    /// <summary>The month's deduction: the days' sum, never more than the cap.</summary>
    public decimal ForMonth(IEnumerable<DayResult> days) => Math.Min(monthlyCapPercent, days.Sum(ForDay));
}

/// <summary>Counts of each code over a period, as the recap's total columns show them.</summary>
public static class CodeTotals
{
    public static IReadOnlyDictionary<AttendanceCode, int> Count(IEnumerable<DayResult> days)
    {
        var totals = AttendanceCodes.Recap.ToDictionary(c => c, _ => 0);
        foreach (var code in days.SelectMany(d => d.CountedCodes))
        {
            totals[code] = totals.GetValueOrDefault(code) + 1;
        }
        return totals;
    }
}
