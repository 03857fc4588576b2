using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Field.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>
/// The destination of a DL (asked for, or ordered by a Surat Tugas): set by the employee on his own DL, by its approver,
/// or by an admin, while it is not rejected or withdrawn. Its days' field punches are accepted around it. Audited.
/// </summary>
public sealed class SetDutyDestination(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, OfficeClock clock,
    IOptions<FieldCheckInOptions> options)
{
    public async Task SetAsync(Guid requestId, string place, double latitude, double longitude, int? radiusMetres, CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        place = place?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (place.Length is 0 or > 200)
        {
            errors["Place"] = "Nama tempat tujuan wajib diisi.";
        }
        if (!new GeoPoint(latitude, longitude).IsValid)
        {
            errors["Latitude"] = "Koordinat tidak sah (lintang -90 s.d. 90, bujur -180 s.d. 180).";
        }
        if (radiusMetres is < 25 or > 50_000)
        {
            errors["RadiusMetres"] = "Radius 25 s.d. 50.000 meter.";
        }
        if (errors.Count > 0)
        {
            throw new ValidationException("Tujuan dinas luar belum dapat disimpan.", errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.AttendanceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException();
        if (request.EmployeeId != me && request.ApproverEmployeeId != me && !currentUser.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException();
        }
        if (request.Kind != RequestKind.DL || request.Status is RequestStatus.Ditolak or RequestStatus.Dibatalkan)
        {
            throw new ValidationException("Tujuan hanya dapat diisi pada dinas luar (DL) yang masih berlaku.");
        }
        var destination = await db.Set<DutyDestination>().FirstOrDefaultAsync(d => d.RequestId == requestId, ct);
        if (destination is null)
        {
            destination = new DutyDestination { RequestId = requestId, Place = place };
            db.Add(destination);
        }
        destination.Place = place;
        destination.Latitude = latitude;
        destination.Longitude = longitude;
        destination.RadiusMetres = radiusMetres ?? options.Value.DutyRadiusMetres;
        destination.SetByEmployeeId = me;
        destination.SetUtc = clock.UtcNow;
        audit.Add(db, "attendance.field.destination", requestId.ToString(), $"{place} {new GeoPoint(latitude, longitude)} r={destination.RadiusMetres} m");
        await db.SaveChangesAsync(ct);
    }
}
