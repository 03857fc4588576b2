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
    public async Task<LeaveBalanceView> ComputeAsync(PortalDbContext db, int employeeId, int year, CancellationToken ct = default)
    {
        var o = options.Value;
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Select(e => new { e.Id, e.Name, e.Nip, e.EmploymentType, e.UnitId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Pegawai tidak ditemukan.");
        var opening = await db.LeaveOpeningBalances.AsNoTracking().Where(b => b.EmployeeId == employeeId)
            .Select(b => new LeaveOpening(b.Year, b.CarriedFromN1, b.CarriedFromN2, b.TakenBeforeGoLive)).FirstOrDefaultAsync(ct);
        var firstYear = Math.Min(o.RecordsFromYear, year);
        var start = Math.Min(opening?.Year ?? firstYear, firstYear);
        var from = new DateOnly(start, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var leave = await db.AttendanceRequests.AsNoTracking()
            .Where(r => r.EmployeeId == employeeId && r.Kind == RequestKind.C && r.Status == RequestStatus.Disetujui && r.From <= to && r.To >= from)
            .Select(r => new { r.From, r.To, r.LeaveKind }).ToListAsync(ct);
        var book = await engine.LoadBookAsync(db, from, to, ct);

        var annualDays = new Dictionary<int, int>();
        var cutiBesarYears = new HashSet<int>();
        foreach (var r in leave)
        {
            var kind = r.LeaveKind ?? (o.UnspecifiedLeaveIsAnnual ? LeaveKind.Tahunan : (LeaveKind?)null);
            if (kind == LeaveKind.Besar)
            {
                cutiBesarYears.Add(r.From.Year);
            }
            if (kind is LeaveKind k && o.RulesFor(employee.EmploymentType)[k].AnnualEffect == AnnualEffect.Reduces)
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
        if (o.CutiBersamaReducesAnnual)
        {
            foreach (var h in book.Holidays.Values.Where(h => h.Kind == HolidayKind.CutiBersama && h.Date >= from && h.Date <= to))
            {
                // A cuti bersama on a day he would have worked; the holiday itself makes the day off, so ask the schedule.
                if (book.ScheduleOf(employee.UnitId, h.Date) is not null)
                {
                    annualDays[h.Date.Year] = annualDays.GetValueOrDefault(h.Date.Year) + 1;
                }
            }
        }
        var serviceStart = ServiceStart.FromNip(employee.Nip, clock.Today.Year);
        var rule = o.RulesFor(employee.EmploymentType).Tahunan;
        var balance = AnnualLeaveBalance.For(year, firstYear,
            y => new LeaveYear(y, rule.Entitled && ServiceStart.EntitledIn(serviceStart, y, rule.MinServiceMonths), annualDays.GetValueOrDefault(y), cutiBesarYears.Contains(y)),
            opening, new CarryOverRule(o.AnnualDays, o.CarryOverDays, o.CarryOverTwoYears));
        return new LeaveBalanceView(employee.Id, employee.Name, employee.EmploymentType, serviceStart, balance, opening is not null);
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
