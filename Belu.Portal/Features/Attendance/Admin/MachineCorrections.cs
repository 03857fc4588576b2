using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>
/// Koreksi dari mesin: an admin decides a machine line that reached a closed day. Accepted, it becomes a punch and the
/// day is classified again from its punches; rejected, the day stays as it is. Both are audited with the admin's note.
/// </summary>
public sealed class MachineCorrections(
    IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AttendanceEngine engine, AuditLog audit, OfficeClock clock)
{
    public async Task AcceptAsync(Guid lineId, string? note, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var line = await WaitingAsync(db, lineId, ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, line.EmployeeId!.Value, ct)
            ?? throw new ValidationException("Pegawai pada baris ini tidak aktif lagi; baris tidak dapat diterima.");
        var at = line.AtUtc!.Value;
        if (!await db.Punches.AnyAsync(p => p.EmployeeId == member.Id && p.AtUtc == at, ct))
        {
            db.Punches.Add(new Punch
            {
                EmployeeId = member.Id, AtUtc = at, Source = line.Source, DeviceId = line.DeviceId, Pin = line.Pin, IpAddress = line.Address,
                RecordedUtc = clock.UtcNow,
            });
        }
        Decide(line, MachineLineStatus.Diterima, note);
        var date = DateOnly.FromDateTime(clock.ToLocal(at));
        audit.Add(db, "attendance.machine-line.accepted", $"{member.Nip ?? member.Id.ToString()} {clock.ToLocal(at):yyyy-MM-dd HH:mm}", line.DecisionNote);
        await db.SaveChangesAsync(ct);
        var book = await engine.LoadBookAsync(db, date, date, ct);
        if (book.LastClosedDay is DateOnly closed && date <= closed)
        {
            await engine.StoreClosedAsync(db, book, [member], date, date, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task RejectAsync(Guid lineId, string note, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length < 5)
        {
            throw new ValidationException("Alasan penolakan wajib diisi (paling sedikit 5 karakter).", new Dictionary<string, string> { ["Note"] = "Wajib diisi." });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var line = await WaitingAsync(db, lineId, ct);
        Decide(line, MachineLineStatus.Dibatalkan, note);
        var local = line.AtUtc is DateTime at ? clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "?";
        audit.Add(db, "attendance.machine-line.rejected", $"{line.Pin} {local}", line.DecisionNote);
        await db.SaveChangesAsync(ct);
    }

    private void Decide(MachineLine line, MachineLineStatus status, string? note)
    {
        line.Status = status;
        line.DecidedUtc = clock.UtcNow;
        line.DecidedBy = currentUser.UserName;
        var text = note?.Trim();
        line.DecisionNote = string.IsNullOrEmpty(text) ? null : text.Length <= 500 ? text : text[..500];
    }

    private static async Task<MachineLine> WaitingAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        var line = await db.MachineLines.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Baris mesin tidak ditemukan.");
        return line.Status == MachineLineStatus.Menunggu && line.EmployeeId is not null && line.AtUtc is not null
            ? line
            : throw new ValidationException("Baris ini sudah diputuskan atau tidak menunggu persetujuan.");
    }
}
