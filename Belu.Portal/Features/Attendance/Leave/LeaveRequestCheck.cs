using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>
/// The cuti rules a request must meet before it is sent (docs/domain/leave.md): the kind for this kind of employee, the
/// service, the length in working days or months, the document, and for cuti tahunan what is left of the year's right.
/// </summary>
public sealed class LeaveRequestCheck(LeaveBalances balances, IOptions<LeaveOptions> options, OfficeClock clock)
{
    public async Task<Dictionary<string, string>> CheckAsync(PortalDbContext db, int employeeId, LeaveKind kind, DateOnly from, DateOnly to, bool hasDocument, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind))
        {
            return new() { ["LeaveKind"] = "Jenis cuti tidak sah." };
        }
        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Select(e => new { e.UnitId, e.Nip, e.EmploymentType }).FirstAsync(ct);
        var rule = options.Value.RulesFor(employee.EmploymentType)[kind];
        var workingDays = await balances.WorkingDaysAsync(db, employee.UnitId, from, to, ct);
        var left = 0;
        if (rule.AnnualEffect == AnnualEffect.Reduces && from.Year == to.Year)
        {
            var view = await balances.ComputeAsync(db, employeeId, from.Year, ct);
            // Cuti tahunan still waiting for a decision is promised already: it is not asked for twice.
            left = view.Balance.Left - await PendingAnnualDaysAsync(db, employeeId, employee.UnitId, from.Year, ct);
        }
        var ask = new LeaveAsk(kind, from, to, workingDays, hasDocument, ServiceStart.FromNip(employee.Nip, clock.Today.Year), left,
            employee.EmploymentType == EmploymentType.Pns ? "PNS" : employee.EmploymentType.Label());
        return LeaveRequestRules.Check(ask, rule);
    }

    private async Task<int> PendingAnnualDaysAsync(PortalDbContext db, int employeeId, int unitId, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var pending = await db.AttendanceRequests.AsNoTracking()
            .Where(r => r.EmployeeId == employeeId && r.Status == RequestStatus.Diajukan && r.LeaveKind == LeaveKind.Tahunan && r.From <= last && r.To >= first)
            .Select(r => new { r.From, r.To }).ToListAsync(ct);
        var days = 0;
        foreach (var r in pending)
        {
            days += await balances.WorkingDaysAsync(db, unitId, r.From < first ? first : r.From, r.To > last ? last : r.To, ct);
        }
        return days;
    }
}
