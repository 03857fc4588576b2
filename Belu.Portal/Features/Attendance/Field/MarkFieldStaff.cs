using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>An administrator marks a unit (with its sub-units) or an employee as field staff, or removes the mark. Audited; idempotent.</summary>
public sealed class MarkFieldStaff(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, OfficeClock clock)
{
    public async Task MarkAsync(int? unitId, int? employeeId, bool field, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if ((unitId is null) == (employeeId is null))
        {
            throw new ValidationException("Pilih satu unit kerja atau satu pegawai.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = unitId is int u
            ? await db.Units.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : await db.Employees.Where(x => x.Id == employeeId).Select(x => x.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            throw new NotFoundException();
        }
        var mark = await db.Set<FieldStaffMark>().FirstOrDefaultAsync(m => unitId != null ? m.UnitId == unitId : m.EmployeeId == employeeId, ct);
        if (field == (mark is not null))
        {
            return;
        }
        if (mark is null)
        {
            db.Add(new FieldStaffMark { UnitId = unitId, EmployeeId = employeeId, CreatedUtc = clock.UtcNow });
        }
        else
        {
            db.Remove(mark);
        }
        audit.Add(db, "attendance.field.staff", name, field ? "ditetapkan sebagai petugas lapangan" : "tidak lagi petugas lapangan");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (field)
        {
            // Two admins marking the same at once: the unique index keeps one mark, which is what both wanted.
        }
    }
}
