using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Field.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>Whether a person may check in from the field today, and where: office sites and the day's DL destinations.</summary>
public sealed record FieldDay(bool IsFieldStaff, bool OnDuty, IReadOnlyList<FieldArea> Areas)
{
    public bool MayCheckIn => IsFieldStaff || OnDuty;

    public const string NotFieldMessage =
        "Absen lapangan hanya untuk pegawai yang ditetapkan sebagai petugas lapangan, atau yang sedang dinas luar (DL) yang disetujui hari ini. "
        + "Silakan absen di kantor (mesin sidik jari, kode QR, atau halaman Absensi dari jaringan kantor).";
}

/// <summary>Reads the marks, sites and approved DL of docs/domain/field.md for one person and day.</summary>
public sealed class FieldEligibility(AttendanceEngine engine, IOptions<FieldCheckInOptions> options)
{
    public async Task<FieldDay> ForAsync(PortalDbContext db, StaffMember member, DateOnly date, CancellationToken ct)
    {
        var tree = (await engine.LoadBookAsync(db, date, date, ct)).Tree;
        var units = tree.Contains(member.UnitId) ? tree.AncestryOf(member.UnitId).Select(n => n.Id).ToList() : [member.UnitId];
        var isField = await db.Set<FieldStaffMark>().AsNoTracking()
            .AnyAsync(m => m.EmployeeId == member.Id || (m.UnitId != null && units.Contains(m.UnitId.Value)), ct);
        var duties = await (from r in db.AttendanceRequests.AsNoTracking()
                            where r.EmployeeId == member.Id && r.Kind == Attendance.Domain.RequestKind.DL && r.Status == RequestStatus.Disetujui
                                  && r.From <= date && r.To >= date
                            join d in db.Set<DutyDestination>().AsNoTracking() on r.Id equals d.RequestId into dest
                            from d in dest.DefaultIfEmpty()
                            select new { r.Id, Destination = d }).ToListAsync(ct);
        var sites = await db.Set<FieldSite>().AsNoTracking()
            .Where(s => s.IsActive && (s.UnitId == null || units.Contains(s.UnitId.Value)))
            .OrderBy(s => s.Name).ToListAsync(ct);
        var areas = sites.Select(s => new FieldArea(s.Name, new GeoPoint(s.Latitude, s.Longitude), s.RadiusMetres, FieldAreaKind.Kantor))
            .Concat(duties.Where(x => x.Destination is not null).Select(x => new FieldArea(
                "Tujuan DL: " + x.Destination!.Place, new GeoPoint(x.Destination.Latitude, x.Destination.Longitude),
                x.Destination.RadiusMetres > 0 ? x.Destination.RadiusMetres : options.Value.DutyRadiusMetres, FieldAreaKind.TujuanDinas)))
            .ToList();
        return new FieldDay(isField, duties.Count > 0, areas);
    }
}
