using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Field.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>One field punch as the lists show it.</summary>
public sealed record FieldPunchRow(Guid PunchId, int EmployeeId, string EmployeeName, DateTime AtLocal, GeoPoint Point, double AccuracyMetres,
    string AreaName, int DistanceMetres, FieldFlag Flags, bool HasPhoto, FieldReview Review, string? ReviewNote,
    string? ReviewedByName = null, string? ReviewedAs = null)
{
    /// <summary>"oleh Nama (Plh. Kepala Bidang …)" when an acting official reviewed it; empty otherwise.</summary>
    public string ReviewedByLabel => ReviewedAs is null ? "" : $"oleh {ReviewedByName} ({ReviewedAs})";

    public string MapLink => FormattableString.Invariant($"https://www.openstreetmap.org/?mlat={Point.Latitude:0.000000}&mlon={Point.Longitude:0.000000}#map=17/{Point.Latitude:0.000000}/{Point.Longitude:0.000000}");

    public string PhotoLink => $"/absensi/lapangan/foto/{PunchId}";
}

/// <summary>The field check-in page's day: may the caller check in from the field, where, and his field punches today.</summary>
public sealed record MyFieldDay(FieldDay Day, IReadOnlyList<FieldPunchRow> Today);

/// <summary>Reads of check-in from the field, without side effects (the photo, which is audited, is <see cref="OpenFieldPhoto"/>).</summary>
public sealed class FieldQueries(
    IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, FieldEligibility eligibility, OfficeClock clock, FieldReviewers reviewers)
{
    public async Task<MyFieldDay> MyDayAsync(CancellationToken ct = default)
    {
        var employeeId = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct)
            ?? throw new ForbiddenException(CheckInService.InactiveEmployeeMessage);
        var day = await eligibility.ForAsync(db, member, clock.Today, ct);
        var (start, end) = clock.DayBoundsUtc(clock.Today);
        return new MyFieldDay(day, await RowsAsync(db, db.Set<FieldPunch>().Where(f => f.EmployeeId == employeeId && f.AtUtc >= start && f.AtUtc < end), ct));
    }

    /// <summary>
    /// The field punches of the caller's direct subordinates over the last <paramref name="days"/> days, those waiting
    /// for review first; while he holds a superior's post as Plh/Plt today, that superior's subordinates' too (never his
    /// own punches). Someone with no subordinate reaching for the list is refused.
    /// </summary>
    public async Task<IReadOnlyList<FieldPunchRow>> ToReviewAsync(int days = 31, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var superiors = await reviewers.SuperiorsAsync(db, me, ct);
        var subordinates = await db.Employees.AsNoTracking()
            .Where(e => e.SuperiorId != null && superiors.Contains(e.SuperiorId.Value) && e.Id != me).Select(e => e.Id).ToListAsync(ct);
        if (subordinates.Count == 0)
        {
            throw new ForbiddenException("Daftar absen lapangan hanya untuk atasan langsung pegawai.");
        }
        var since = clock.UtcNow.AddDays(-Math.Clamp(days, 1, 366));
        var rows = await RowsAsync(db, db.Set<FieldPunch>().Where(f => subordinates.Contains(f.EmployeeId) && f.AtUtc >= since), ct);
        return rows.OrderBy(r => r.Review == FieldReview.Menunggu ? 0 : 1).ThenByDescending(r => r.AtLocal).ToList();
    }

    /// <summary>A DL's destination, for its employee, its approver or an admin (403 for anyone else); null when none is set.</summary>
    public async Task<DutyDestination?> DestinationAsync(Guid requestId, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.AttendanceRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.EmployeeId, r.ApproverEmployeeId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        if (request.EmployeeId != me && request.ApproverEmployeeId != me && !currentUser.IsAdmin)
        {
            throw new ForbiddenException();
        }
        return await db.Set<DutyDestination>().AsNoTracking().FirstOrDefaultAsync(d => d.RequestId == requestId, ct);
    }

    private async Task<IReadOnlyList<FieldPunchRow>> RowsAsync(PortalDbContext db, IQueryable<FieldPunch> punches, CancellationToken ct)
    {
        var rows = await (from f in punches.AsNoTracking()
                          join e in db.Employees.AsNoTracking() on f.EmployeeId equals e.Id
                          orderby f.AtUtc descending
                          select new
                          {
                              f, e.Name,
                              ReviewedBy = f.ReviewedAs == null ? null : db.Employees.Where(r => r.Id == f.ReviewedByEmployeeId).Select(r => r.Name).FirstOrDefault(),
                          }).Take(500).ToListAsync(ct);
        return rows.Select(x => new FieldPunchRow(x.f.PunchId, x.f.EmployeeId, x.Name, clock.ToLocal(x.f.AtUtc), x.f.Point, x.f.AccuracyMetres,
            x.f.AreaName, x.f.DistanceMetres, x.f.Flags, x.f.PhotoKey is not null, x.f.Review, x.f.ReviewNote, x.ReviewedBy, x.f.ReviewedAs)).ToList();
    }
}
