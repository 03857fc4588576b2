using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// The facts of many staff at once (a whole regency's recap or daily close). EF sends a list as one parameter per
/// element by default; at 10,000 staff each read then prepared and bound 10,000 parameters, which was about half the
/// time of the regency's monthly recap. Above <see cref="ManyStaff"/> ids the same reads send the ids as one array
/// parameter (<see cref="EF.Parameter{T}"/>: <c>json_each</c> on SQLite, <c>= ANY</c> on PostgreSQL); a check-in or
/// one person's page keeps the compiled queries, which EF.Parameter cannot be used in.
/// </summary>
public sealed partial class AttendanceEngine
{
    /// <summary>Above this many ids a read sends them as one array parameter.</summary>
    internal const int ManyStaff = 100;

    private static async Task<List<PunchFact>> PunchesOfAsync(PortalDbContext db, List<int> ids, DateTime startUtc, DateTime endUtc, CancellationToken ct) =>
        ids.Count <= ManyStaff
            ? await PunchFacts.For(db)(db, ids, startUtc, endUtc).ToListAsync(ct)
            : await db.Punches.AsNoTracking()
                .Where(p => EF.Parameter(ids).Contains(p.EmployeeId) && p.AtUtc >= startUtc && p.AtUtc < endUtc && !p.Withheld)
                .Select(p => new PunchFact(p.EmployeeId, p.AtUtc)).ToListAsync(ct);

    private static async Task<List<RequestFact>> RequestsOfAsync(PortalDbContext db, List<int> ids, DateOnly from, DateOnly to, CancellationToken ct) =>
        ids.Count <= ManyStaff
            ? await RequestFacts.For(db)(db, ids, from, to).ToListAsync(ct)
            : await db.AttendanceRequests.AsNoTracking()
                .Where(r => EF.Parameter(ids).Contains(r.EmployeeId) && r.Status == RequestStatus.Disetujui && r.From <= to && r.To >= from)
                .Select(r => new RequestFact(r.EmployeeId, r.From, r.To, r.Kind)).ToListAsync(ct);

    private static async Task<List<StoredDayRow>> StoredDaysOfAsync(PortalDbContext db, List<int> ids, DateOnly from, DateOnly to, CancellationToken ct) =>
        ids.Count <= ManyStaff
            ? await StoredDays.For(db)(db, ids, from, to).ToListAsync(ct)
            : await db.AttendanceDays.AsNoTracking()
                .Where(d => EF.Parameter(ids).Contains(d.EmployeeId) && d.Date >= from && d.Date <= to)
                .Select(d => new StoredDayRow(d.EmployeeId, d.Date, new StoredDay(d.Code, d.LateCode, d.EarlyCode, d.LateMinutes, d.EarlyMinutes,
                    d.CheckIn, d.CheckOut, d.IsClosed, d.CorrectedCode))).ToListAsync(ct);
}
