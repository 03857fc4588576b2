using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>An administrator gives an employee a machine PIN that is not the NIP, or takes one away. Audited.</summary>
public sealed class SavePin(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task AddPinAsync(string pin, int employeeId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        pin = (pin ?? "").Trim();
        if (pin.Length is < 1 or > 24 || !pin.All(char.IsAsciiLetterOrDigit))
        {
            throw new ValidationException("PIN 1–24 huruf/angka.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.EmployeePins.AnyAsync(p => p.Pin == pin, ct) || await db.Employees.AnyAsync(e => e.Nip == pin && e.Id != employeeId, ct))
        {
            throw new ValidationException($"PIN {pin} sudah dipakai.");
        }
        if (!await db.Employees.AnyAsync(e => e.Id == employeeId, ct))
        {
            throw new ValidationException("Pegawai tidak ditemukan.");
        }
        db.EmployeePins.Add(new EmployeePin { Pin = pin, EmployeeId = employeeId });
        audit.Add(db, "attendance.pin.added", pin, $"pegawai #{employeeId}");
        await db.SaveChangesAsync(ct);
    }

    public async Task DeletePinAsync(int id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pin = await db.EmployeePins.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        db.EmployeePins.Remove(pin);
        audit.Add(db, "attendance.pin.deleted", pin.Pin);
        await db.SaveChangesAsync(ct);
    }
}
