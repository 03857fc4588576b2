using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance;

/// <summary>A scan's outcome: today after the punch, or the question to ask before an early check-out (nothing stored yet).</summary>
public sealed record KioskScan(MyToday? Today, string? EarlyLeaveQuestion)
{
    public bool NeedsConfirmation => EarlyLeaveQuestion is not null;
}

/// <summary>
/// An employee scans a kiosk code with their own signed-in phone (page <c>/absensi/qr/{code}</c> or
/// <c>POST /api/absensi/qr</c>). Refused, with nothing stored and the code left unused, from outside the office
/// networks, for a code of a screen that does not cover the employee's OPD or is no longer a screen, and outside the
/// punch window. A scan after the check-in and before the end of the working day would record an early check-out
/// (PSW), so it is asked first and recorded only when confirmed.
/// </summary>
public sealed class ScanKioskCode(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AttendanceEngine engine,
    KioskService kiosk,
    PunchRecorder recorder,
    CheckInService checkIn,
    OfficeClock clock)
{
    public const string OutsideNetworkMessage =
        "Absen dengan kode QR hanya dapat dilakukan dari jaringan kantor (intranet Pemkab Belu). Hubungkan ponsel Anda ke Wi-Fi kantor, lalu pindai ulang kode di layar kiosk.";

    public const string ScreenGoneMessage = "Layar kiosk ini sudah tidak aktif. Pindai kode QR di layar kiosk lain di kantor Anda.";

    public async Task<KioskScan> ScanAsync(string code, bool confirmEarlyLeave, CancellationToken ct = default)
    {
        var employeeId = currentUser.RequireEmployeeId();
        // The same check as the web check-in: the phone must be on the office network when one is configured.
        if (!OfficeNetwork.IsAllowed(currentUser.IpAddress, engine.Options.Networks()))
        {
            throw new ForbiddenException(OutsideNetworkMessage);
        }
        var (step, screen) = await kiosk.VerifyAsync(code, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Several small reads follow: one connection for all of them.
        await db.Database.OpenConnectionAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct)
            ?? throw new ForbiddenException(CheckInService.InactiveEmployeeMessage);
        var scope = await KioskScreens.ScopeAsync(db, screen, ct) ?? throw new ForbiddenException(ScreenGoneMessage);
        var today = clock.Today;
        var book = await engine.LoadBookAsync(db, today, today, ct);
        var tree = book.Tree;
        var opd = tree.Contains(member.UnitId) ? tree.OpdOf(member.UnitId)?.Id : null;
        if (!scope.IsRegency && (opd is null || !scope.OpdIds!.Contains(opd.Value)))
        {
            var names = string.Join(", ", scope.OpdIds!.Where(tree.Contains).Select(id => tree[id].Name));
            throw new ForbiddenException($"Kode QR ini hanya untuk pegawai {names}. Absen Anda tidak dicatat; pindai kode QR di layar kiosk kantor Anda sendiri.");
        }
        var schedule = book.ScheduleOf(member.UnitId, today);
        var now = TimeOnly.FromDateTime(clock.LocalNow);
        if (CheckInWindow.Refusal(schedule, book.HolidayOn(today), now) is string refusal)
        {
            throw new ValidationException(refusal);
        }
        if (!confirmEarlyLeave && CheckInWindow.EarlyLeaveMinutes(schedule!, now) is var early and > 0)
        {
            var (start, end) = clock.DayBoundsUtc(today);
            if (await db.Punches.AnyAsync(p => p.EmployeeId == member.Id && p.AtUtc >= start && p.AtUtc < end, ct))
            {
                return new KioskScan(null,
                    $"Anda akan tercatat pulang lebih awal ({early} menit sebelum jam pulang {schedule!.End:HH\\:mm} {clock.ZoneAbbreviation}) dan dikenai potongan TPP pulang sebelum waktu. Lanjutkan?");
            }
        }
        await kiosk.MarkUsedAsync(step, employeeId, ct);
        await recorder.RecordAsync([new PunchSubmission(employeeId, clock.UtcNow, PunchSource.Kiosk, IpAddress: currentUser.IpAddress)], ct);
        return new KioskScan(await checkIn.GetTodayAsync(ct), null);
    }
}
