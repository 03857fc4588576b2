using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>One employee's annual right for a year, with N, N-1 and N-2 as the leave form shows them.</summary>
public sealed record LeaveBalanceView(int EmployeeId, string Name, EmploymentType EmploymentType, DateOnly? ServiceStart, AnnualBalance Balance, bool HasOpening);

/// <summary>
/// The cuti tahunan balance computed from approved leave (never typed): working days of each approved cuti tahunan in
/// the employee's unit calendar, cuti besar, cuti bersama when configured, and the admin's opening balance
/// (docs/domain/leave.md). The caller's right to see it is checked by the callers.
/// </summary>
public sealed class LeaveBalances(AttendanceEngine engine, IOptions<LeaveOptions> options, OfficeClock clock)
{
    public async Task<LeaveBalanceView> ComputeAsync(PortalDbContext db, int employeeId, int year, CancellationToken ct = default) =>
        (await ComputeManyAsync(db, [employeeId], year, ct)).GetValueOrDefault(employeeId)
            ?? throw new NotFoundException("Pegawai tidak ditemukan.");

    /// <summary>
    /// The balances of many employees for one year (a unit's recap), with one read of the calendar and of the leave.
    /// Employees that do not exist are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, LeaveBalanceView>> ComputeManyAsync(PortalDbContext db, IReadOnlyCollection<int> employeeIds, int year, CancellationToken ct = default)
    {
        var o = options.Value;
        var ids = employeeIds.Distinct().ToList();
        var employees = await db.Employees.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Nip, e.EmploymentType, e.UnitId }).ToListAsync(ct);
        var openings = await db.LeaveOpeningBalances.AsNoTracking().Where(b => EF.Parameter(ids).Contains(b.EmployeeId))
            .Select(b => new { b.EmployeeId, Opening = new LeaveOpening(b.Year, b.CarriedFromN1, b.CarriedFromN2, b.TakenBeforeGoLive) })
            .ToDictionaryAsync(b => b.EmployeeId, b => b.Opening, ct);
        var firstYear = Math.Min(o.RecordsFromYear, year);
        var start = Math.Min(openings.Count == 0 ? firstYear : openings.Values.Min(b => b.Year), firstYear);
        var from = new DateOnly(start, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var leave = (await db.AttendanceRequests.AsNoTracking()
            .Where(r => EF.Parameter(ids).Contains(r.EmployeeId) && r.Kind == RequestKind.C && r.Status == RequestStatus.Disetujui && r.From <= to && r.To >= from)
            .Select(r => new { r.EmployeeId, r.From, r.To, r.LeaveKind }).ToListAsync(ct))
            .ToLookup(r => r.EmployeeId);
        var book = await engine.LoadBookAsync(db, from, to, ct);
        var cutiBersama = o.CutiBersamaReducesAnnual
            ? book.Holidays.Values.Where(h => h.Kind == HolidayKind.CutiBersama && h.Date >= from && h.Date <= to).Select(h => h.Date).ToList()
            : new List<DateOnly>();
        var rule = new CarryOverRule(o.AnnualDays, o.CarryOverDays, o.CarryOverTwoYears);
        var result = new Dictionary<int, LeaveBalanceView>();
        foreach (var employee in employees)
        {
            var annualDays = new Dictionary<int, int>();
            var cutiBesarYears = new HashSet<int>();
            var rules = o.RulesFor(employee.EmploymentType);
            foreach (var r in leave[employee.Id])
            {
                var kind = r.LeaveKind ?? (o.UnspecifiedLeaveIsAnnual ? LeaveKind.Tahunan : (LeaveKind?)null);
                if (kind == LeaveKind.Besar)
                {
                    cutiBesarYears.Add(r.From.Year);
                }
                if (kind is LeaveKind k && rules[k].AnnualEffect == AnnualEffect.Reduces)
                {
                    for (var d = r.From < from ? from : r.From; d <= r.To && d <= to; d = d.AddDays(1))
                    {
                        if (book.IsWorkingDay(employee.UnitId, d))
                        {
                            annualDays[d.Year] = annualDays.GetValueOrDefault(d.Year) + 1;
                        }
                    }
                }
            }
            // A cuti bersama on a day he would have worked; the holiday itself makes the day off, so ask the schedule.
            foreach (var date in cutiBersama.Where(d => book.ScheduleOf(employee.UnitId, d) is not null))
            {
                annualDays[date.Year] = annualDays.GetValueOrDefault(date.Year) + 1;
            }
            var opening = openings.GetValueOrDefault(employee.Id);
            var serviceStart = ServiceStart.FromNip(employee.Nip, clock.Today.Year);
            var tahunan = rules.Tahunan;
            var balance = AnnualLeaveBalance.For(year, firstYear,
                y => new LeaveYear(y, tahunan.Entitled && ServiceStart.EntitledIn(serviceStart, y, tahunan.MinServiceMonths), annualDays.GetValueOrDefault(y), cutiBesarYears.Contains(y)),
                opening, rule);
            result[employee.Id] = new LeaveBalanceView(employee.Id, employee.Name, employee.EmploymentType, serviceStart, balance, opening is not null);
        }
        return result;
    }

    /// <summary>Working days of a range in the employee's unit calendar: what a cuti costs.</summary>
    public async Task<int> WorkingDaysAsync(PortalDbContext db, int unitId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var book = await engine.LoadBookAsync(db, from, to, ct);
        var count = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            count += book.IsWorkingDay(unitId, d) ? 1 : 0;
        }
        return count;
    }
}
