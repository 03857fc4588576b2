using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>One employee's year of cuti: working days granted per kind and what is left of the annual right.</summary>
public sealed record LeaveRecapRow(StaffMember Employee, string UnitName, AnnualBalance Balance, IReadOnlyDictionary<LeaveKind, int> WorkingDays)
{
    public int DaysOf(LeaveKind kind) => WorkingDays.GetValueOrDefault(kind);
}

public sealed record LeaveRecap(int UnitId, string UnitName, int Year, IReadOnlyList<LeaveRecapRow> Rows);

/// <summary>
/// The yearly cuti recap of a unit and its sub-units (rekap cuti tahunan per unit): for each employee the working days
/// of approved cuti of each kind inside the year, counted on his unit's calendar, and his N/N-1/N-2 balance. Read
/// under the monthly recap's scope (a leader his units, an admin all; 403 otherwise); the read is audited.
/// </summary>
public sealed class LeaveRecapQuery(
    IDbContextFactory<PortalDbContext> dbFactory, AttendanceReportService attendance, AttendanceEngine engine,
    LeaveBalances balances, IOptions<LeaveOptions> options, AuditLog audit)
{
    public async Task<LeaveRecap> YearAsync(int unitId, int year, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ValidationException("Tahun tidak sah.");
        }
        var (tree, staff) = await attendance.StaffUnderAsync(unitId, ct);
        var ids = staff.Select(s => s.Id).ToList();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leave = (await db.AttendanceRequests.AsNoTracking()
            .Where(r => ids.Contains(r.EmployeeId) && r.Kind == RequestKind.C && r.Status == RequestStatus.Disetujui && r.From <= to && r.To >= from)
            .Select(r => new { r.EmployeeId, r.From, r.To, r.LeaveKind }).ToListAsync(ct))
            .ToLookup(r => r.EmployeeId);
        var book = await engine.LoadBookAsync(db, from, to, ct);
        var balanceOf = await balances.ComputeManyAsync(db, ids, year, ct);
        var rows = new List<LeaveRecapRow>();
        foreach (var member in staff)
        {
            var days = new Dictionary<LeaveKind, int>();
            foreach (var r in leave[member.Id])
            {
                // Requests made before leave kinds existed count as cuti tahunan, as the balance counts them.
                if ((r.LeaveKind ?? (options.Value.UnspecifiedLeaveIsAnnual ? LeaveKind.Tahunan : (LeaveKind?)null)) is not LeaveKind kind)
                {
                    continue;
                }
                for (var d = r.From < from ? from : r.From; d <= r.To && d <= to; d = d.AddDays(1))
                {
                    if (book.IsWorkingDay(member.UnitId, d))
                    {
                        days[kind] = days.GetValueOrDefault(kind) + 1;
                    }
                }
            }
            rows.Add(new LeaveRecapRow(member, tree[member.UnitId].Name, balanceOf[member.Id].Balance, days));
        }
        await audit.WriteAsync("attendance.leave.recap.read", tree[unitId].Code, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new LeaveRecap(unitId, tree[unitId].Name, year, rows);
    }
}
