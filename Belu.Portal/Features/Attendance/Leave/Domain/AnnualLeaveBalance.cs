namespace Belu.Portal.Features.Attendance.Leave.Domain;

/// <summary>What happened to one employee's annual right in one calendar year, counted from approved leave.</summary>
/// <param name="Entitled">He had served a year by the end of it (PP 11/2017 Pasal 311 ayat 1).</param>
/// <param name="AnnualDaysTaken">Working days taken from the annual right that year (cuti tahunan, and cuti bersama when configured).</param>
/// <param name="TookCutiBesar">A cuti besar started that year: no cuti tahunan right that year.</param>
public sealed record LeaveYear(int Year, bool Entitled, int AnnualDaysTaken, bool TookCutiBesar);

/// <summary>The balance an admin sets at go-live for a year: days carried from N-1 and N-2, and days already taken that year.</summary>
public sealed record LeaveOpening(int Year, int CarriedFromN1, int CarriedFromN2, int TakenBeforeGoLive);

/// <summary>
/// One year's balance as the BKN leave form shows it (catatan cuti): the right of N, N-1 and N-2 usable in that year and
/// what is left of each. Taken days come off the oldest right first, as carried days lapse at the year's end.
/// </summary>
public sealed record AnnualBalance(int Year, int RightN, int RightN1, int RightN2, int Taken, int LeftN, int LeftN1, int LeftN2, int Overdrawn)
{
    public int Right => RightN + RightN1 + RightN2;

    public int Left => LeftN + LeftN1 + LeftN2;
}

/// <summary>The carry-over rule (Peraturan BKN 24/2017 Lampiran I romawi II huruf A; PPPK: Peraturan BKN 7/2022): see docs/domain/leave.md.</summary>
public sealed record CarryOverRule(int AnnualDays, int CarryOverDays, bool CarryOverTwoYears);

public static class AnnualLeaveBalance
{
    /// <summary>
    /// The balance of each year from <paramref name="firstYear"/> (or the opening's year, which then starts the count)
    /// through <paramref name="lastYear"/>. Years before the first carry nothing: the portal has no record of them.
    /// </summary>
    public static IReadOnlyList<AnnualBalance> Compute(
        int firstYear, int lastYear, Func<int, LeaveYear> yearOf, LeaveOpening? opening, CarryOverRule rule)
    {
        var start = opening?.Year ?? firstYear;
        var result = new List<AnnualBalance>();
        // What is left of each year's own right at its end, and whether any cuti tahunan was taken in it.
        var leftOwn = new Dictionary<int, int>();
        var takenIn = new Dictionary<int, int>();
        var forfeited = new HashSet<int>();
        for (var year = start; year <= lastYear; year++)
        {
            var facts = yearOf(year);
            int carriedN1, carriedN2;
            if (opening is not null && year == opening.Year)
            {
                carriedN1 = opening.CarriedFromN1;
                carriedN2 = opening.CarriedFromN2;
            }
            else
            {
                carriedN1 = Math.Min(leftOwn.GetValueOrDefault(year - 1), rule.CarryOverDays);
                var unusedTwoYears = rule.CarryOverTwoYears
                    && year - 2 >= start
                    && takenIn.GetValueOrDefault(year - 1) == 0 && takenIn.GetValueOrDefault(year - 2) == 0
                    && !forfeited.Contains(year - 1) && !forfeited.Contains(year - 2);
                carriedN2 = unusedTwoYears ? Math.Min(leftOwn.GetValueOrDefault(year - 2), rule.CarryOverDays) : 0;
            }
            var own = facts.Entitled ? rule.AnnualDays : 0;
            if (facts.TookCutiBesar)
            {
                // "tidak berhak atas cuti tahunan dalam tahun yang bersangkutan": the year's own right and what was carried into it.
                own = carriedN1 = carriedN2 = 0;
                forfeited.Add(year);
            }
            var taken = facts.AnnualDaysTaken + (opening is not null && year == opening.Year ? opening.TakenBeforeGoLive : 0);
            var fromN2 = Math.Min(taken, carriedN2);
            var fromN1 = Math.Min(taken - fromN2, carriedN1);
            var fromN = Math.Min(taken - fromN2 - fromN1, own);
            var overdrawn = taken - fromN2 - fromN1 - fromN;
            leftOwn[year] = own - fromN;
            takenIn[year] = taken;
            if (year >= firstYear)
            {
                result.Add(new AnnualBalance(year, own, carriedN1, carriedN2, taken, own - fromN, carriedN1 - fromN1, carriedN2 - fromN2, overdrawn));
            }
        }
        return result;
    }

    /// <summary>The balance of one year.</summary>
    public static AnnualBalance For(int year, int firstYear, Func<int, LeaveYear> yearOf, LeaveOpening? opening, CarryOverRule rule)
    {
        var from = Math.Min(firstYear, year);
        return Compute(from, year, yearOf, opening is not null && opening.Year <= year ? opening : null, rule)[^1];
    }
}
