using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Field.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>A fix from the phone's browser, and the live photo when one was taken (a JPEG stream).</summary>
public sealed record FieldFix(double Latitude, double Longitude, double AccuracyMetres, Stream? Photo = null);

/// <summary>What the field punch became: stored or a duplicate, the area it fell in, and whether it waits for review.</summary>
public sealed record FieldPunchResult(bool Recorded, string AreaName, int DistanceMetres, FieldFlag Flags, FieldReview Review)
{
    public string Message => !Recorded
        ? "Absen Anda baru saja tercatat; absen yang sama dalam satu menit tidak dicatat dua kali."
        : Review == FieldReview.Menunggu
            ? $"Absen lapangan tersimpan di {AreaName}, tetapi ditandai ({string.Join(", ", FieldChecks.Describe(Flags))}): baru dihitung setelah diterima atasan Anda."
            : $"Absen lapangan tercatat di {AreaName} ({DistanceMetres} m dari titik).";
}

/// <summary>
/// The employee's own check-in (or out) from the field (docs/domain/field.md): only for field staff or on an approved DL
/// day, only inside an allowed area, flagged when it looks forged. The punch takes the one road every punch takes
/// (<see cref="PunchRecorder"/>): its location row is saved with it, in its transaction.
/// </summary>
public sealed class RecordFieldPunch(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AttendanceEngine engine,
    FieldEligibility eligibility,
    PunchRecorder recorder,
    FieldPhotos photos,
    OfficeClock clock,
    IOptions<FieldCheckInOptions> options)
{
    public async Task<FieldPunchResult> RecordAsync(FieldFix fix, CancellationToken ct = default)
    {
        var employeeId = currentUser.RequireEmployeeId();
        var settings = options.Value;
        var point = new GeoPoint(fix.Latitude, fix.Longitude);
        if (!point.IsValid || !double.IsFinite(fix.AccuracyMetres) || fix.AccuracyMetres < 0)
        {
            throw new ValidationException("Lokasi dari peramban tidak sah. Izinkan akses lokasi lalu coba lagi.");
        }
        if (fix.AccuracyMetres > settings.MaxAccuracyMetres)
        {
            throw new ValidationException($"Akurasi lokasi {Math.Round(fix.AccuracyMetres)} m terlalu rendah (paling banyak {settings.MaxAccuracyMetres} m). "
                + "Nyalakan GPS, pindah ke tempat terbuka, lalu coba lagi.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct)
            ?? throw new ForbiddenException(CheckInService.InactiveEmployeeMessage);
        var today = clock.Today;
        var day = await eligibility.ForAsync(db, member, today, ct);
        if (!day.MayCheckIn)
        {
            throw new ForbiddenException(FieldDay.NotFieldMessage);
        }
        var book = await engine.LoadBookAsync(db, today, today, ct);
        if (CheckInWindow.Refusal(book.ScheduleOf(member.UnitId, today), book.HolidayOn(today), TimeOnly.FromDateTime(clock.LocalNow)) is string closed)
        {
            throw new ValidationException(closed);
        }
        if (FieldChecks.Inside(point, day.Areas) is not var (area, distance))
        {
            throw new ValidationException(FieldChecks.OutsideMessage(point, day.Areas));
        }

        var nowUtc = clock.UtcNow;
        var since = nowUtc.AddDays(-settings.HistoryDays);
        var earlier = (await db.Set<FieldPunch>().AsNoTracking()
                .Where(f => f.EmployeeId == employeeId && f.AtUtc >= since)
                .OrderByDescending(f => f.AtUtc).Take(200)
                .Select(f => new { f.Latitude, f.Longitude, f.AccuracyMetres, f.AtUtc }).ToListAsync(ct))
            .Select(f => new EarlierFix(new GeoPoint(f.Latitude, f.Longitude), f.AccuracyMetres, f.AtUtc)).ToList();
        var flags = FieldChecks.Flags(point, fix.AccuracyMetres, nowUtc, earlier, settings.MaxSpeedKmh);

        var photoKey = fix.Photo is null ? null : await photos.StoreAsync(fix.Photo, ct);
        var field = new FieldPunch
        {
            Latitude = point.Latitude,
            Longitude = point.Longitude,
            AccuracyMetres = fix.AccuracyMetres,
            AreaName = area.Name,
            AreaKind = area.Kind,
            DistanceMetres = (int)Math.Round(distance),
            Flags = flags,
            PhotoKey = photoKey,
            Review = flags == FieldFlag.None ? FieldReview.TidakPerlu : FieldReview.Menunggu,
        };
        PunchOutcome outcome;
        try
        {
            outcome = (await recorder.RecordAsync([new PunchSubmission(employeeId, nowUtc, PunchSource.Web, IpAddress: currentUser.IpAddress, Field: field)], ct))[0];
        }
        catch when (photoKey is not null)
        {
            await photos.DiscardIfUnusedAsync(photoKey, CancellationToken.None);
            throw;
        }
        if (outcome != PunchOutcome.Accepted && photoKey is not null)
        {
            // A duplicate keeps no row, so nothing names its photo: it goes now, not at the sweep.
            await photos.DiscardIfUnusedAsync(photoKey, ct);
        }
        return new FieldPunchResult(outcome == PunchOutcome.Accepted, area.Name, field.DistanceMetres, flags, field.Review);
    }
}
