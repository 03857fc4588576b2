using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>An administrator sets or removes the code of one employee's day, with a reason. Audited.</summary>
public sealed class CorrectDay(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AttendanceEngine engine,
    AuditLog audit,
    OfficeClock clock)
{
    /// <summary>Sets the code of a day (a broken machine, a forgotten punch, a surat tugas brought late), with a reason.</summary>
    public async Task CorrectDayAsync(int employeeId, DateOnly date, AttendanceCode? code, string reason, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if (date > clock.Today)
        {
            throw new ValidationException("Hari yang belum tiba tidak dapat dikoreksi; ajukan permohonan DL/C/S/I.");
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
        {
            throw new ValidationException("Alasan koreksi wajib diisi (paling sedikit 5 karakter).", new Dictionary<string, string> { ["Reason"] = "Wajib diisi." });
        }
        if (code is AttendanceCode c && c is AttendanceCode.Belum or AttendanceCode.Libur)
        {
            throw new ValidationException("Kode koreksi tidak sah.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct) ?? throw new NotFoundException("Pegawai tidak ditemukan.");
        var row = await db.AttendanceDays.FirstOrDefaultAsync(d => d.EmployeeId == employeeId && d.Date == date, ct);
        var before = row?.CorrectedCode?.ToString() ?? row?.Code.ToString() ?? "—";
        var book = await engine.LoadBookAsync(db, date, date, ct);
        if (row is null)
        {
            row = new AttendanceDay { EmployeeId = employeeId, Date = date, UpdatedUtc = clock.UtcNow };
            db.AttendanceDays.Add(row);
        }
        row.CorrectedCode = code;
        row.CorrectionReason = code is null ? null : reason.Trim();
        var closed = book.LastClosedDay is DateOnly last && date <= last;
        row.IsClosed = closed;
        var result = code is AttendanceCode set
            ? DayClassifier.Classify(new DayInput(date, null, DayPhase.Closed, [], Correction: set), book.Rules)
            : null;
        if (result is not null)
        {
            row.Apply(result, book.Penalties.ForDay(result));
        }
        row.UpdatedUtc = clock.UtcNow;
        audit.Add(db, "attendance.day.corrected", $"{member.Nip ?? member.Id.ToString()} {date:yyyy-MM-dd}",
            $"{before} → {code?.ToString() ?? "(dihitung ulang)"}: {reason.Trim()}");
        await db.SaveChangesAsync(ct);
        if (closed && code is null)
        {
            // Removing a correction: the day is classified again from its punches and requests.
            await engine.StoreClosedAsync(db, book, [member], date, date, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
